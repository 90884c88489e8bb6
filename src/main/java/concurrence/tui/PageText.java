package concurrence.tui;

import concurrence.i18n.Messages;
import concurrence.lesson.Block;
import concurrence.lesson.ExperimentDecl;
import concurrence.lesson.Inline;
import concurrence.lesson.Lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * A lesson page laid out as lines for a width: the title, headings, paragraphs word-wrapped,
 * lists with hanging indents, quotes, code coloured (the Python or the Java, as chosen), and one
 * line per experiment block that points at the panel.
 *
 * <pre>{@code
 * List<Line> lines = PageText.lines(lesson, 78, Model.CodeLanguage.PYTHON, glyphs, messages, 0);
 * for (int y = 0; y < height; y++) lines.get(scroll + y).draw(canvas, 0, y);
 * }</pre>
 *
 * <p>The last layout is remembered (guarded by the class's monitor): a page is laid out again
 * only when the page, width, code language, glyphs, language or selected block change, not at
 * every frame.
 */
public final class PageText {
    private PageText() {}

    private record Key(Lesson lesson, int width, Model.CodeLanguage code, Glyphs glyphs, String language, int selected) {
        boolean same(Key o) {
            return o != null && lesson == o.lesson && width == o.width && code == o.code && glyphs.equals(o.glyphs)
                    && language.equals(o.language) && selected == o.selected;
        }
    }

    private static Key lastKey;
    private static List<Line> lastLines;

    public static synchronized List<Line> lines(Lesson lesson, int width, Model.CodeLanguage code, Glyphs glyphs,
                                                Messages m, int selected) {
        Key key = new Key(lesson, width, code, glyphs, m.language(), selected);
        if (key.same(lastKey)) return lastLines;
        List<Line> out = layout(lesson, Math.max(1, width), code, glyphs, m, selected);
        lastKey = key;
        lastLines = out;
        return out;
    }

    private static List<Line> layout(Lesson lesson, int width, Model.CodeLanguage code, Glyphs g, Messages m, int selected) {
        List<Line> out = new ArrayList<>(Wrap.wrap(List.of(new Segment(lesson.title(), Style.of(Tone.HEADING).bold())),
                width, "", "", Style.PLAIN));
        if (!lesson.notebook().isBlank())
            out.addAll(Wrap.wrap(List.of(new Segment(View.say(m, "tui.page.notebook", lesson.notebook()), Style.of(Tone.DIM))),
                    width, "", "", Style.PLAIN));
        int[] experiment = {0};
        for (Block b : lesson.blocks()) {
            List<Line> lines = block(b, width, code, g, m, selected, experiment);
            if (lines.isEmpty()) continue;
            out.add(Line.BLANK);
            out.addAll(lines);
        }
        return List.copyOf(out);
    }

    private static List<Line> block(Block b, int width, Model.CodeLanguage code, Glyphs g, Messages m, int selected, int[] experiment) {
        return switch (b) {
            case Block.Heading h -> Wrap.wrap(inlines(h.text(), Style.of(Tone.HEADING).bold()), width, "", "", Style.PLAIN);
            case Block.Paragraph p -> Wrap.wrap(inlines(p.text(), Style.PLAIN), width, "", "", Style.PLAIN);
            case Block.ListBlock l -> list(l, width, code, g, m, selected, experiment);
            case Block.Quote q -> {
                List<Line> inner = new ArrayList<>();
                for (Block sub : q.blocks()) {
                    if (!inner.isEmpty()) inner.add(Line.BLANK);
                    inner.addAll(block(sub, width - 2, code, g, m, selected, experiment));
                }
                List<Line> out = new ArrayList<>();
                Segment bar = new Segment(g.vertical() + " ", Style.of(Tone.DIM));
                for (Line l : inner) {
                    List<Segment> s = new ArrayList<>();
                    s.add(bar);
                    s.addAll(l.segments());
                    out.add(new Line(s));
                }
                yield out;
            }
            case Block.Code c -> code(c, width, code, g, m);
            case Block.Experiment e -> {
                int index = experiment[0]++;
                yield experiment(e.decl(), index, index == selected, width, g, m);
            }
            case Block.Rule r -> List.of(Line.of(String.valueOf(g.horizontal()).repeat(Math.min(width, 40)), Style.of(Tone.DIM)));
        };
    }

    private static List<Line> list(Block.ListBlock l, int width, Model.CodeLanguage code, Glyphs g, Messages m, int selected,
                                   int[] experiment) {
        List<Line> out = new ArrayList<>();
        int number = l.start();
        int markWidth = l.ordered() ? (l.start() + l.items().size() - 1 + ".").length() + 1 : Text.width(g.bullet()) + 1;
        String blank = " ".repeat(markWidth);
        for (List<Block> item : l.items()) {
            String mark = Text.pad(l.ordered() ? (number++) + "." : g.bullet(), markWidth);
            boolean first = true;
            for (Block sub : item) {
                List<Line> inner = sub instanceof Block.Paragraph p
                        ? Wrap.wrap(inlines(p.text(), Style.PLAIN), width - markWidth, "", "", Style.PLAIN)
                        : block(sub, width - markWidth, code, g, m, selected, experiment);
                for (Line line : inner) {
                    List<Segment> s = new ArrayList<>();
                    s.add(new Segment(first ? mark : blank, Style.of(Tone.ACCENT)));
                    s.addAll(line.segments());
                    out.add(new Line(s));
                    first = false;
                }
            }
        }
        return out;
    }

    /** Python or Java blocks show only when chosen; any other fenced block always shows, plain. */
    private static List<Line> code(Block.Code c, int width, Model.CodeLanguage chosen, Glyphs g, Messages m) {
        Highlighter.Language lang = Highlighter.languageOf(c.language());
        if (lang == Highlighter.Language.PYTHON && chosen != Model.CodeLanguage.PYTHON) return List.of();
        if (lang == Highlighter.Language.JAVA && chosen != Model.CodeLanguage.JAVA) return List.of();
        List<Line> out = new ArrayList<>();
        if (lang != Highlighter.Language.PLAIN)
            out.addAll(Wrap.wrap(List.of(new Segment(View.say(m, lang == Highlighter.Language.PYTHON ? "tui.page.code.python" : "tui.page.code.java"),
                    Style.of(Tone.DIM).italic())), width, "", "", Style.PLAIN));
        Highlighter h = new Highlighter(lang);
        String text = c.text().endsWith("\n") ? c.text().substring(0, c.text().length() - 1) : c.text();
        int room = Math.max(1, width - 2);
        for (String raw : text.split("\n", -1)) {
            List<Segment> segs = new ArrayList<>();
            for (Segment s : h.line(Text.clean(raw))) segs.add(s);
            // Code is not re-flowed: a line too long goes on in pieces, each marked as the same line.
            List<Segment> rest = segs;
            boolean first = true;
            do {
                List<Segment> head = new ArrayList<>();
                List<Segment> tail = new ArrayList<>();
                Wrap.split(rest, room, head, tail);
                List<Segment> line = new ArrayList<>();
                line.add(first ? new Segment("  ", Style.PLAIN) : new Segment(g.ascii() ? "> " : "↪ ", Style.of(Tone.DIM)));
                line.addAll(head);
                out.add(new Line(line));
                rest = tail;
                first = false;
            } while (!rest.isEmpty());
        }
        return out;
    }

    private static List<Line> experiment(ExperimentDecl d, int index, boolean selected, int width, Glyphs g, Messages m) {
        String what = switch (d.kind()) {
            case RUN -> View.say(m, "tui.page.experiment.run", index + 1, d.task().id(),
                    String.join(", ", d.compare().stream().map(s -> s.id()).toList()));
            case MACHINE -> View.say(m, "tui.page.experiment.machine", index + 1);
            case RUNTIMES -> View.say(m, "tui.page.experiment.runtimes", index + 1);
            case SUMMARY -> View.say(m, "tui.page.experiment.summary", index + 1);
        };
        Style style = selected ? Style.of(Tone.ACCENT).bold() : Style.of(Tone.ACCENT);
        return Wrap.wrap(List.of(new Segment(what, style)), width, g.pointer() + " ", "  ", style);
    }

    private static List<Segment> inlines(List<Inline> text, Style base) {
        List<Segment> out = new ArrayList<>();
        for (Inline i : text) {
            Style s = switch (i.style()) {
                case PLAIN -> base;
                case EMPHASIS -> base.fg(base.fg() == Tone.DEFAULT ? Tone.EMPHASIS : base.fg()).italic();
                case STRONG -> base.bold();
                case CODE -> base.fg(Tone.CODE);
                case LINK -> base.fg(Tone.ACCENT).underline();
            };
            out.add(new Segment(i.text(), s));
        }
        return out;
    }
}
