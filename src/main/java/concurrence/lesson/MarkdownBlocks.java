package concurrence.lesson;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the Markdown of a page's body (commonmark-java's tree) into {@link Block}s and
 * {@link Inline}s, checking what a lesson may not hold: raw HTML, images, an experiment block
 * inside a list or a quote, more than {@value ExperimentParser#MAX_BLOCKS} experiment blocks.
 *
 * <pre>{@code
 * // the body starts on line 6 of the file (after a 5-line front matter)
 * List<Block> blocks = MarkdownBlocks.parse("## Titre\n\nDu *texte*.\n", 5, problems);
 * }</pre>
 *
 * <p>One instance reads one body, on one thread.
 */
final class MarkdownBlocks {
    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    static final String EXPERIMENT = "experiment";

    private final int lineOffset;
    private final Problems problems;
    private int experiments;

    private MarkdownBlocks(int lineOffset, Problems problems) {
        this.lineOffset = lineOffset;
        this.problems = problems;
    }

    /**
     * @param lineOffset how many lines of the file come before {@code body} (its front matter)
     */
    static List<Block> parse(String body, int lineOffset, Problems problems) {
        return new MarkdownBlocks(lineOffset, problems).blocks(PARSER.parse(body), true);
    }

    private List<Block> blocks(Node parent, boolean topLevel) {
        List<Block> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h) out.add(new Block.Heading(h.getLevel(), inlines(h)));
            else if (n instanceof Paragraph p) out.add(new Block.Paragraph(inlines(p)));
            else if (n instanceof BulletList l) out.add(new Block.ListBlock(false, 1, items(l)));
            else if (n instanceof OrderedList l) out.add(new Block.ListBlock(true, start(l), items(l)));
            else if (n instanceof BlockQuote q) out.add(new Block.Quote(blocks(q, false)));
            else if (n instanceof FencedCodeBlock f) fenced(f, topLevel, out);
            else if (n instanceof IndentedCodeBlock c) out.add(new Block.Code("", withoutLastNewline(c.getLiteral())));
            else if (n instanceof ThematicBreak) out.add(new Block.Rule());
            else if (n instanceof HtmlBlock h) problems.add(line(n), "lessons.error.html", firstLine(h.getLiteral()));
            else if (n instanceof LinkReferenceDefinition) continue;   // already resolved into the links that use it
            else out.addAll(blocks(n, topLevel));                     // a node of an extension: keep its content
        }
        return out;
    }

    private List<List<Block>> items(org.commonmark.node.ListBlock list) {
        List<List<Block>> items = new ArrayList<>();
        for (Node n = list.getFirstChild(); n != null; n = n.getNext())
            if (n instanceof ListItem item) items.add(blocks(item, false));
        return items;
    }

    private static int start(OrderedList l) {
        Integer start = l.getMarkerStartNumber();
        return start != null ? start : 1;
    }

    private void fenced(FencedCodeBlock f, boolean topLevel, List<Block> out) {
        String info = f.getInfo() == null ? "" : f.getInfo().strip();
        String language = info.isEmpty() ? "" : info.split("\\s+")[0];
        if (!language.equals(EXPERIMENT)) {
            out.add(new Block.Code(language, withoutLastNewline(f.getLiteral())));
            return;
        }
        int fenceLine = line(f);
        if (!topLevel) {
            problems.add(fenceLine, "lessons.error.experiment.nested");
            return;
        }
        if (++experiments > ExperimentParser.MAX_BLOCKS) {
            problems.add(fenceLine, "lessons.error.experiment.too.many", ExperimentParser.MAX_BLOCKS);
            return;
        }
        ExperimentParser.parse(fenceLine, withoutLastNewline(f.getLiteral()), problems)
                .ifPresent(decl -> out.add(new Block.Experiment(decl)));
    }

    /** The text of a paragraph or heading as runs of one style each, neighbours of one style merged. */
    private List<Inline> inlines(Node parent) {
        List<Inline> out = new ArrayList<>();
        inlines(parent, Inline.Style.PLAIN, "", out);
        return out;
    }

    /** Inside a link everything is the link; otherwise the innermost style wins. */
    private void inlines(Node parent, Inline.Style style, String link, List<Inline> out) {
        boolean inLink = !link.isEmpty();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) add(out, t.getLiteral(), style, link);
            else if (n instanceof Code c) add(out, c.getLiteral(), inLink ? style : Inline.Style.CODE, link);
            else if (n instanceof Emphasis) inlines(n, inLink ? style : Inline.Style.EMPHASIS, link, out);
            else if (n instanceof StrongEmphasis) inlines(n, inLink ? style : Inline.Style.STRONG, link, out);
            else if (n instanceof Link l && l.getDestination() != null && !l.getDestination().isEmpty())
                inlines(n, Inline.Style.LINK, l.getDestination(), out);
            else if (n instanceof SoftLineBreak) add(out, " ", style, link);
            else if (n instanceof HardLineBreak) add(out, "\n", style, link);
            else if (n instanceof HtmlInline h) problems.add(line(n), "lessons.error.html", h.getLiteral());
            else if (n instanceof Image i) problems.add(line(n), "lessons.error.image", i.getDestination());
            else inlines(n, style, link, out);   // a node of an extension: keep its text
        }
    }

    private static void add(List<Inline> out, String text, Inline.Style style, String link) {
        if (text.isEmpty()) return;
        if (!out.isEmpty()) {
            Inline last = out.get(out.size() - 1);
            if (last.style() == style && last.link().equals(link)) {
                out.set(out.size() - 1, new Inline(last.text() + text, style, link));
                return;
            }
        }
        out.add(new Inline(text, style, link));
    }

    /** The line of the file where {@code n} starts (1-based), or 0 if the parser did not say. */
    private int line(Node n) {
        for (Node at = n; at != null; at = at.getParent())
            if (!at.getSourceSpans().isEmpty()) return lineOffset + at.getSourceSpans().get(0).getLineIndex() + 1;
        return 0;
    }

    private static String withoutLastNewline(String s) { return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s; }

    private static String firstLine(String s) {
        String first = s.strip().lines().findFirst().orElse("");
        return first.length() > 60 ? first.substring(0, 60) + "…" : first;
    }
}
