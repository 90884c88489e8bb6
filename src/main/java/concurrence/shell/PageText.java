package concurrence.shell;

import concurrence.i18n.Messages;
import concurrence.lesson.Block;
import concurrence.lesson.ExperimentDecl;
import concurrence.lesson.Inline;
import concurrence.lesson.Lesson;
import concurrence.lesson.Reference;
import concurrence.report.Columns;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A lesson page as plain text for the line mode: headings underlined, lists with their bullets,
 * code indented by four spaces (never wrapped), each experiment block described in a sentence,
 * everything else wrapped to the terminal's width. No colour, no markup: a screen reader reads
 * it as it is.
 *
 * <pre>{@code
 * for (String line : PageText.lines(lesson, 80, messages)) out.println(line);
 * }</pre>
 */
public final class PageText {
    /** Narrower than this, the text is wrapped at this width anyway and the terminal folds it. */
    static final int MIN_WIDTH = 20;

    private static final java.util.regex.Pattern GLUE_BEFORE = java.util.regex.Pattern.compile(" ([:;!?»%])");
    private static final java.util.regex.Pattern GLUE_AFTER = java.util.regex.Pattern.compile("(«) ");
    private static final java.util.regex.Pattern GLUE_UNIT = java.util.regex.Pattern.compile("(\\d) (s|ms|µs|ns|min|Mio|MiB|Go|GB|cœurs?|cores?)\\b");

    private PageText() {}

    public static List<String> lines(Lesson lesson, int width, Messages m) {
        int w = Math.max(MIN_WIDTH, width);
        List<String> out = new ArrayList<>();
        String title = m.get("shell.page.title", lesson.number(), lesson.title());
        out.addAll(wrap(title, w, "", ""));
        out.add("=".repeat(Math.min(w, title.length())));
        if (!lesson.summary().isBlank()) out.addAll(wrap(lesson.summary(), w, "", ""));
        if (!lesson.notebook().isBlank()) out.addAll(wrap(m.get("shell.page.notebook", lesson.notebook()), w, "", ""));
        int[] experiment = {0};
        for (Block b : lesson.blocks()) {
            out.add("");
            block(b, w, "", out, experiment, m);
        }
        return out;
    }

    private static void block(Block b, int w, String indent, List<String> out, int[] experiment, Messages m) {
        switch (b) {
            case Block.Heading h -> {
                String text = inline(h.text());
                out.addAll(wrap(text, w, indent, indent));
                if (h.level() <= 2) out.add(indent + "-".repeat(Math.max(1, Math.min(w - indent.length(), text.length()))));
            }
            case Block.Paragraph p -> out.addAll(wrap(inline(p.text()), w, indent, indent));
            case Block.ListBlock l -> {
                int n = l.start();
                for (List<Block> item : l.items()) {
                    String bullet = l.ordered() ? (n++) + ". " : "- ";
                    String hanging = indent + " ".repeat(bullet.length());
                    boolean first = true;
                    for (Block inner : item) {
                        List<String> lines = new ArrayList<>();
                        block(inner, w, hanging, lines, experiment, m);
                        if (first && !lines.isEmpty()) lines.set(0, indent + bullet + lines.get(0).substring(hanging.length()));
                        out.addAll(lines);
                        first = false;
                    }
                }
            }
            case Block.Quote q -> {
                for (Block inner : q.blocks()) block(inner, w, indent + "> ", out, experiment, m);
            }
            case Block.Code c -> {
                String label = switch (c.language()) {
                    case "python" -> m.get("shell.page.code.python");
                    case "java" -> m.get("shell.page.code.java");
                    default -> "";
                };
                if (!label.isEmpty()) out.add(indent + label);
                for (String line : c.text().stripTrailing().split("\n", -1)) out.add((indent + "    " + line).stripTrailing());
            }
            case Block.Experiment e -> {
                experiment[0]++;
                out.addAll(wrap(describe(e.decl(), experiment[0], m), w, indent, indent));
            }
            case Block.Rule r -> out.add(indent + "* * *");
        }
    }

    /** One sentence saying what an experiment block runs, the notebook's figures, and how to run it. */
    static String describe(ExperimentDecl d, int index, Messages m) {
        String run = index == 1 ? "lancer" : "lancer " + index;
        return switch (d.kind()) {
            case RUN -> {
                String refs = d.compare().stream().filter(s -> d.reference(s).isPresent())
                        .map(s -> s.id() + " " + notebook(d.reference(s).get(), m)).collect(Collectors.joining(" ; "));
                String what = m.get("shell.page.experiment", index, d.task().id(),
                        d.compare().stream().map(s -> s.id()).collect(Collectors.joining(", ")), d.tasks(), d.workers(),
                        d.runtimes().stream().map(r -> r.id()).collect(Collectors.joining(", ")));
                yield what + (refs.isEmpty() ? "" : " " + m.get("shell.page.references", refs)) + " " + m.get("shell.page.run.hint", run);
            }
            case MACHINE -> m.get("shell.page.experiment.machine", index, run);
            case RUNTIMES -> m.get("shell.page.experiment.runtimes", index, run);
            case SUMMARY -> m.get("shell.page.experiment.summary", index, run);
        };
    }

    private static String notebook(Reference r, Messages m) { return Columns.notebook(r, m.locale()); }

    /** The text of a run of inlines: links as {@code text <url>}, everything else as it reads. */
    static String inline(List<Inline> text) {
        StringBuilder b = new StringBuilder();
        for (Inline i : text) {
            b.append(i.text());
            if (i.style() == Inline.Style.LINK && !i.link().isBlank() && !i.link().equals(i.text())) b.append(" <").append(i.link()).append('>');
        }
        return b.toString().replace('\n', ' ');
    }

    /**
     * Word-wraps {@code text} to {@code width} columns; a word longer than a line is cut. French
     * punctuation stays with its word and a unit with its number ({@code page 6 :}, {@code 1 s}):
     * the space between them becomes a no-break space.
     */
    static List<String> wrap(String text, int width, String first, String rest) {
        text = GLUE_BEFORE.matcher(text).replaceAll("\u00A0$1");
        text = GLUE_AFTER.matcher(text).replaceAll("$1\u00A0");
        text = GLUE_UNIT.matcher(text).replaceAll("$1\u00A0$2");
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int used = first.length();
        boolean empty = true;
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) continue;
            String prefix = out.isEmpty() ? first : rest;
            if (!empty && used + 1 + word.length() > width) {
                out.add(line.toString());
                line = new StringBuilder(rest);
                used = rest.length();
                empty = true;
                prefix = rest;
            }
            while (empty && prefix.length() + word.length() > width && width - prefix.length() > 0) {
                int cut = width - prefix.length();
                out.add(prefix + word.substring(0, cut));
                word = word.substring(cut);
                line = new StringBuilder(rest);
                used = rest.length();
                prefix = rest;
            }
            if (!empty) {
                line.append(' ');
                used++;
            }
            line.append(word);
            used += word.length();
            empty = false;
        }
        if (!empty || out.isEmpty()) out.add(line.toString().stripTrailing());
        out.replaceAll(l -> l.replace('\u00A0', ' '));
        return out;
    }
}
