package concurrence.tui;

import concurrence.engine.Board;
import concurrence.i18n.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Draws a {@link Model} (and the run's latest board snapshot) into a {@link Canvas}: a pure
 * function of its inputs, so any state can be drawn in a test.
 *
 * <pre>{@code
 * TextGrid grid = new TextGrid(80, 24);
 * View.draw(model, Board.Snapshot.EMPTY, grid);
 * }</pre>
 *
 * <p>Layout: a header row, the page text, the experiment panel (below the text, or beside it from
 * 120 columns on), a status row, and the keys in a footer. Below 80x24, only a message asking for
 * a bigger window.
 */
public final class View {
    private View() {}

    /** A rectangle of the screen. */
    public record Rect(int x, int y, int w, int h) {
        public static final Rect EMPTY = new Rect(0, 0, 0, 0);

        public Rect {
            w = Math.max(0, w);
            h = Math.max(0, h);
        }

        Canvas on(Canvas c) { return c.region(x, y, w, h); }
    }

    /** Where each part of the screen goes. */
    public record Layout(Rect header, Rect text, Rect panel, Rect status, Rect footer, boolean wide) {}

    /** Text wider than this is hard to read: a page without a panel stops here. */
    static final int MAX_TEXT_COLUMNS = 100;
    /** What the panel keeps in a wide terminal: the result table's width. */
    static final int PANEL_COLUMNS = 69;
    /** Fewest text rows kept above a panel in a narrow terminal. */
    static final int MIN_TEXT_ROWS = 6;

    private static final Map<String, Messages> MESSAGES = new ConcurrentHashMap<>();

    /** A formatted message, remembered: a frame asks for the same texts again and again ("tâche 3", "2 cœurs"). */
    private record Said(String language, String key, List<Object> args) {}

    private static final Map<Said, String> SAID = new ConcurrentHashMap<>();
    private static final int MAX_SAID = 4096;

    /** {@code m.get(key, args)}, formatted once for the same language, key and arguments (none may be null). */
    public static String say(Messages m, String key, Object... args) {
        Said said = new Said(m.language(), key, List.of(args));
        String text = SAID.get(said);
        if (text == null) {
            if (SAID.size() >= MAX_SAID) SAID.clear();
            text = m.get(key, args);
            SAID.put(said, text);
        }
        return text;
    }

    /** The messages of a language, loaded once. */
    public static Messages messages(String language) { return MESSAGES.computeIfAbsent(language, Messages::of); }

    public static Layout layout(Model m) {
        int w = m.columns();
        int h = m.rows();
        if (m.tooSmall()) return new Layout(Rect.EMPTY, Rect.EMPTY, Rect.EMPTY, Rect.EMPTY, Rect.EMPTY, false);
        Rect header = new Rect(0, 0, w, 1);
        Rect status = new Rect(0, h - 2, w, 1);
        Rect footer = new Rect(0, h - 1, w, 1);
        int content = h - 3;
        if (m.experiments().isEmpty())
            return new Layout(header, new Rect(0, 1, Math.min(w, MAX_TEXT_COLUMNS), content), Rect.EMPTY, status, footer, false);
        if (m.wide()) {
            int tw = Math.min(80, w - PANEL_COLUMNS - 3);
            return new Layout(header, new Rect(0, 1, tw, content), new Rect(tw + 2, 1, w - tw - 3, content), status, footer, true);
        }
        // An experiment running or with results, or the summary, takes what it needs short of a few lines of text; anything else, half.
        boolean big = m.run() instanceof RunState.Running r && r.block().equals(m.blockKey()) || !m.results(m.blockKey()).isEmpty()
                || m.selected().map(d -> d.kind() == concurrence.lesson.ExperimentDecl.Kind.SUMMARY).orElse(false);
        int most = big ? content - MIN_TEXT_ROWS : content / 2;
        int panel = Math.max(Math.min(3, content), Math.min(ExperimentPanel.wantedHeight(m, w - 2), most));
        return new Layout(header, new Rect(0, 1, w, content - panel), new Rect(1, 1 + content - panel, w - 2, panel), status, footer, false);
    }

    /** The page's text as laid out for the text area (one cell of margin each side). */
    public static List<Line> text(Model m) { return text(m, layout(m)); }

    private static List<Line> text(Model m, Layout l) {
        Rect t = l.text();
        return PageText.lines(m.lesson(), Math.max(1, t.w() - 2), m.code(), m.glyphs(), messages(m.language()), m.blockKey().block());
    }

    public static int textLines(Model m) { return m.tooSmall() ? 0 : text(m).size(); }

    public static void draw(Model m, Board.Snapshot s, Canvas c) {
        c.fill(Style.PLAIN);
        Messages msg = messages(m.language());
        if (m.tooSmall() || c.width() < Model.MIN_COLUMNS || c.height() < Model.MIN_ROWS) {
            tooSmall(c, m, msg);
            return;
        }
        Layout l = layout(m);
        header(l.header().on(c), m, msg);
        pageText(l.text().on(c), m, text(m, l));
        if (l.panel().w() > 0) {
            if (l.wide()) {
                Canvas divider = c.region(l.panel().x() - 2, l.panel().y(), 1, l.panel().h());
                for (int y = 0; y < divider.height(); y++) divider.put(0, y, String.valueOf(m.glyphs().vertical()), Style.of(Tone.DIM));
            }
            ExperimentPanel.draw(l.panel().on(c), m, s);
        }
        status(l.status().on(c), m, msg);
        footer(l.footer().on(c), m, msg);
        switch (m.overlay()) {
            case Overlay.None n -> { }
            case Overlay.Contents k -> Overlays.contents(cleared(c), m, k.cursor(), msg);
            case Overlay.Help h -> Overlays.help(cleared(c), m, msg);
            case Overlay.ConfirmQuit q -> Overlays.confirmQuit(c, m, msg);
            case Overlay.ConfirmBusy b -> Overlays.confirmBusy(c, m, b.load(), msg);
        }
    }

    /** The screen between header and footer, blanked: a big overlay stands alone, with no page text peeking out beside it. */
    private static Canvas cleared(Canvas c) {
        Canvas middle = c.region(0, 1, c.width(), c.height() - 2);
        middle.fill(Style.PLAIN);
        return middle;
    }

    /** The message shown instead of everything else in a window under 80x24. */
    static void tooSmall(Canvas c, Model m, Messages msg) {
        List<Line> lines = new ArrayList<>();
        for (String text : List.of(View.say(msg, "tui.small.title"), View.say(msg, "tui.small.size", c.width(), c.height(),
                Model.MIN_COLUMNS, Model.MIN_ROWS), View.say(msg, "tui.small.quit")))
            lines.addAll(Wrap.wrap(List.of(new Segment(text, Style.PLAIN)), Math.max(1, c.width()), "", "", Style.PLAIN));
        int top = Math.max(0, (c.height() - lines.size()) / 2);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            int x = Math.max(0, (c.width() - line.width()) / 2);
            Style style = i == 0 ? Style.of(Tone.WARNING).bold() : Style.PLAIN;
            c.put(x, top + i, line.text(), style);
        }
    }

    /** What the header says depends on these only. */
    private record HeaderKey(String language, int width, String title, int number, int index, int count, String runtime,
                             int cores, double load, String ellipsis) {}

    private record HeaderText(String left, String right) {}

    private static final Memo<HeaderKey, HeaderText> HEADER = new Memo<>();

    static void header(Canvas c, Model m, Messages msg) {
        Style bar = Style.of(Tone.HEADER_TEXT).on(Tone.HEADER);
        c.fill(bar);
        String runtime = m.selected().filter(d -> d.kind() == concurrence.lesson.ExperimentDecl.Kind.RUN)
                .flatMap(d -> m.runtime(m.blockKey(), d)).map(r -> r.id()).orElse("");
        HeaderText t = HEADER.get(new HeaderKey(msg.language(), c.width(), m.lesson().title(), m.lesson().number(), m.page(),
                m.course().lessons().size(), runtime, m.machine().cores(), m.load(), m.glyphs().ellipsis()), k -> headerText(k, msg));
        c.put(0, 0, t.left(), bar.bold());
        c.put(Math.max(0, c.width() - Text.width(t.right())), 0, t.right(), bar);
    }

    private static HeaderText headerText(HeaderKey k, Messages msg) {
        String page = say(msg, "tui.header.page", k.number(), k.index() + 1, k.count());
        StringBuilder right = new StringBuilder();
        if (!k.runtime().isEmpty()) right.append(k.runtime()).append(" · ");
        right.append(say(msg, "tui.header.cores", k.cores()));
        if (k.load() >= 0) right.append(" · ").append(say(msg, "tui.header.load", concurrence.report.Durations.ratio(k.load(), msg.locale())));
        right.append(' ');
        // The title matters most: the course's name, then the page's position, give way to it.
        String left = " " + say(msg, "tui.header.course") + " · " + page + " · " + k.title();
        int room = k.width() - Text.width(right.toString()) - 1;
        if (Text.width(left) > room) left = " " + page + " · " + k.title();
        if (Text.width(left) > room) left = " " + String.format("%02d", k.number()) + " · " + k.title();
        return new HeaderText(Text.fit(left, Math.max(0, room), k.ellipsis()), right.toString());
    }

    static void pageText(Canvas c, Model m, List<Line> lines) {
        int max = Math.max(0, lines.size() - c.height());
        int scroll = Math.min(m.scroll(), max);
        Canvas inner = c.region(1, 0, c.width() - 2, c.height());
        for (int y = 0; y < c.height() && scroll + y < lines.size(); y++) lines.get(scroll + y).draw(inner, 0, y);
        Glyphs g = m.glyphs();
        if (scroll > 0) c.put(c.width() - 1, 0, g.ascii() ? "^" : "↑", Style.of(Tone.ACCENT).bold());
        if (scroll < max) c.put(c.width() - 1, c.height() - 1, g.ascii() ? "v" : "↓", Style.of(Tone.ACCENT).bold());
    }

    /** A notice, else where a run goes on, else pages that failed to load, else nothing. */
    static void status(Canvas c, Model m, Messages msg) {
        Glyphs g = m.glyphs();
        if (m.notice().isPresent()) {
            Notice n = m.notice().get();
            Tone tone = switch (n.level()) {
                case INFO -> Tone.ACCENT;
                case WARNING -> Tone.WARNING;
                case ERROR -> Tone.ERROR;
            };
            c.put(1, 0, Text.fit(View.say(msg, n.key(), n.args().toArray()), c.width() - 2, g.ellipsis()), Style.of(tone).bold());
            return;
        }
        if (m.run() instanceof RunState.Running r && r.block().page() != m.lesson().number()) {
            c.put(1, 0, Text.fit(View.say(msg, "tui.status.running.elsewhere", g.pointer(), r.block().page(), r.current().strategy().id()),
                    c.width() - 2, g.ellipsis()), Style.of(Tone.ACCENT));
            return;
        }
        if (!m.course().problems().isEmpty())
            c.put(1, 0, Text.fit(View.say(msg, "tui.status.problems", m.course().problems().size(), m.course().problems().get(0).toString()),
                    c.width() - 2, g.ellipsis()), Style.of(Tone.ERROR));
    }

    private record FooterKey(String language, int width, Glyphs glyphs) {}

    private record FooterText(Line keys, Line always) {}

    private static final Memo<FooterKey, FooterText> FOOTER = new Memo<>();

    /** The keys, as many as fit; help and quit always. */
    static void footer(Canvas c, Model m, Messages msg) {
        FooterText t = FOOTER.get(new FooterKey(msg.language(), c.width(), m.glyphs()), k -> footerText(k, msg));
        t.keys().draw(c, 1, 0);
        t.always().draw(c, c.width() - t.always().width() - 1, 0);
    }

    private static FooterText footerText(FooterKey k, Messages msg) {
        Line tail = ExperimentPanel.keys(say(msg, "tui.footer.always"), k.glyphs(), msg);
        int room = k.width() - tail.width() - 2;
        List<String> kept = new ArrayList<>();
        for (String p : say(msg, "tui.footer").split(";")) {
            List<String> trial = new ArrayList<>(kept);
            trial.add(p);
            if (ExperimentPanel.keys(String.join(";", trial), k.glyphs(), msg).width() > room) break;
            kept = trial;
        }
        return new FooterText(kept.isEmpty() ? Line.BLANK : ExperimentPanel.keys(String.join(";", kept), k.glyphs(), msg), tail);
    }
}
