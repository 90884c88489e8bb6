package concurrence.tui;

import concurrence.i18n.Messages;
import concurrence.lesson.Course;
import concurrence.lesson.ExperimentDecl;
import concurrence.lesson.Lesson;
import concurrence.report.Durations;

import java.util.ArrayList;
import java.util.List;

/**
 * What stands above the page: the table of contents, the help, and the two questions.
 *
 * <pre>{@code
 * Overlays.contents(canvas, model, 4, messages);   // cursor on page index 4
 * }</pre>
 */
public final class Overlays {
    private Overlays() {}

    /** Pages with a mark when done, their number of results (this session's and earlier ones), the summary of the one under the cursor, and what failed to load. */
    public static void contents(Canvas c, Model model, int cursor, Messages m) {
        Glyphs g = model.glyphs();
        Course course = model.course();
        int w = Math.min(c.width() - 2, 100);
        int h = c.height() - 2;
        Canvas in = Box.centred(c, w, h, View.say(m, "tui.contents.title", course.lessons().size()), g);
        if (in.width() <= 0 || in.height() <= 0) return;
        List<Course.Problem> problems = course.problems();
        int problemRows = problems.isEmpty() ? 0 : Math.min(problems.size() + 1, Math.max(0, in.height() / 3));
        int listRows = Math.max(0, in.height() - 2 - problemRows);
        int first = Math.max(0, Math.min(cursor - listRows / 2, course.lessons().size() - listRows));
        String check = g.check();
        for (int row = 0; row < listRows && first + row < course.lessons().size(); row++) {
            int i = first + row;
            Lesson l = course.lessons().get(i);
            int results = countResults(model, l);
            boolean selected = i == cursor;
            Style base = selected ? Style.of(Tone.HEADER_TEXT).on(Tone.SELECTION).bold() : Box.INSIDE;
            String mark = model.done().contains(l.number()) ? check : " ";
            String right = results == 0 ? "" : View.say(m, "tui.contents.results", results);
            String left = String.format("%s %02d  %s", mark, l.number(), l.title()) + (i == model.page() ? "  " + View.say(m, "tui.contents.here") : "");
            int room = in.width() - Text.width(right) - 1;
            in.put(0, row, Text.pad(Text.fit(left, Math.max(0, room), g.ellipsis()), Math.max(0, room)) + " " + right, base);
            if (mark.equals(check)) in.put(0, row, check, base.fg(Tone.OK));
        }
        if (cursor < course.lessons().size() && in.height() >= 2) {
            Lesson l = course.lessons().get(cursor);
            in.put(0, listRows + 1, Text.fit(l.summary(), in.width(), g.ellipsis()), Box.INSIDE.fg(Tone.DIM).italic());
        }
        if (problemRows > 0) {
            int y = in.height() - problemRows;
            in.put(0, y, Text.fit(View.say(m, "tui.contents.problems", problems.size()), in.width(), g.ellipsis()), Box.INSIDE.fg(Tone.ERROR).bold());
            for (int i = 0; i < problemRows - 1; i++)
                in.put(0, y + 1 + i, Text.fit(problems.get(i).toString(), in.width(), g.ellipsis()), Box.INSIDE.fg(Tone.ERROR));
        }
    }

    private static int countResults(Model model, Lesson l) {
        int n = model.earlier(l.number()).size();
        List<ExperimentDecl> e = l.experiments();
        for (int i = 0; i < e.size(); i++) n += model.results(new BlockKey(l.number(), i)).size();
        return n;
    }

    /** The keys, two columns: what to press, what it does. */
    public static void help(Canvas c, Model model, Messages m) {
        Glyphs g = model.glyphs();
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; m.has("tui.help." + i); i++) {
            String line = View.say(m, "tui.help." + i);
            int bar = line.indexOf('|');
            rows.add(bar < 0 ? new String[] {"", line} : new String[] {keys(line.substring(0, bar), g, m), line.substring(bar + 1)});
        }
        int keyW = rows.stream().mapToInt(r -> Text.width(r[0])).max().orElse(0);
        int textW = rows.stream().mapToInt(r -> Text.width(r[1])).max().orElse(0);
        Canvas in = Box.centred(c, keyW + textW + 7, rows.size() + 4, View.say(m, "tui.help.title"), g);
        for (int y = 0; y < rows.size() && y < in.height(); y++) {
            in.put(0, y, Text.pad(rows.get(y)[0], keyW), Box.INSIDE.fg(Tone.ACCENT).bold());
            in.put(keyW + 2, y, rows.get(y)[1], Box.INSIDE);
        }
        if (in.height() > rows.size() + 1)
            in.put(0, in.height() - 1, Text.fit(View.say(m, "tui.help.close"), in.width(), g.ellipsis()), Box.INSIDE.fg(Tone.DIM).italic());
    }

    /** Key names in the bundle use Unicode arrows; ASCII terminals get {@code <- ->} and words, in the user's language. */
    static String keys(String text, Glyphs g, Messages m) {
        if (!g.ascii()) return text;
        String left = View.say(m, "tui.key.left.ascii");
        String right = View.say(m, "tui.key.right.ascii");
        String up = View.say(m, "tui.key.up.ascii");
        String down = View.say(m, "tui.key.down.ascii");
        return text.replace("←→", left + " " + right).replace("↑↓", up + "/" + down)
                .replace("←", left).replace("→", right).replace("↑", up).replace("↓", down);
    }

    /** A yes/no question in a box. */
    public static void question(Canvas c, Model model, String title, List<String> lines, Messages m) {
        Glyphs g = model.glyphs();
        int w = Math.min(c.width() - 4, Math.max(Text.width(title) + 8, lines.stream().mapToInt(Text::width).max().orElse(0) + 6));
        List<Line> wrapped = new ArrayList<>();
        for (String l : lines) wrapped.addAll(Wrap.wrap(List.of(new Segment(l, Box.INSIDE)), Math.max(1, w - 4), "", "", Box.INSIDE));
        Canvas in = Box.centred(c, w, wrapped.size() + 2, title, g);
        for (int y = 0; y < wrapped.size(); y++) wrapped.get(y).draw(in, 0, y);
    }

    /** "A run is going: quit anyway?" */
    public static void confirmQuit(Canvas c, Model model, Messages m) {
        question(c, model, View.say(m, "tui.quit.title"), List.of(View.say(m, "tui.quit.text"), View.say(m, "tui.quit.keys")), m);
    }

    /** "Others use the cores: run anyway?" */
    public static void confirmBusy(Canvas c, Model model, double load, Messages m) {
        question(c, model, View.say(m, "tui.busy.title"), List.of(
                View.say(m, "tui.busy.text", Durations.ratio(load, m.locale()), model.machine().cores()), View.say(m, "tui.busy.keys")), m);
    }
}
