package concurrence.tui;

import concurrence.engine.Board;
import concurrence.i18n.Messages;

import java.util.List;

/**
 * One progress bar per worker, named as its runtime names it, with the task it holds and how long
 * it has held it. When there are more workers than rows, as many as fit, then "… and 9 980 others"
 * and one bar for the whole run.
 *
 * <pre>{@code
 * pool-1-thread-1  ██████████▌·········  tâche 0   0,4 s
 * pool-1-thread-2  █████████▊··········  tâche 1   0,4 s
 * }</pre>
 */
public final class Bars {
    private Bars() {}

    /** Rows the bars take for {@code workers} workers in at most {@code rows} rows. */
    public static int height(int workers, int rows) {
        if (workers <= rows) return Math.max(0, workers);
        return Math.max(0, rows);
    }

    /** The name column's width: the longest name shown, within limits. */
    public static int nameWidth(List<String> names, int width) {
        int longest = names.isEmpty() ? 4 : 0;
        for (String n : names) longest = Math.max(longest, Text.width(n));
        return Math.max(3, Math.min(longest, Math.max(6, width / 3)));
    }

    public static void draw(Canvas c, Board.Snapshot s, Glyphs g, Messages m) {
        int h = c.height();
        int w = c.width();
        if (h <= 0 || w <= 0) return;
        int count = s.workerCount();
        boolean all = count <= h;
        int rows = all ? Math.min(count, s.workers().size()) : Math.max(0, Math.min(h - 2, s.workers().size()));
        int nameW = nameWidth(s, w, m);
        int infoW = Math.min(16, Math.max(0, w - nameW - 4));
        int barW = Math.max(0, w - nameW - infoW - 2);
        for (int y = 0; y < rows; y++) {
            Board.WorkerRow r = s.workers().get(y);
            c.put(0, y, Text.pad(Text.fit(r.name(), nameW, g.ellipsis()), nameW), Style.PLAIN);
            boolean finished = r.state() == Board.State.DONE || r.state() == Board.State.IDLE;
            double fraction = r.state() == Board.State.RUNNING ? r.fraction() : finished && r.tasksDone() > 0 ? 1 : 0;
            bar(c, nameW + 1, y, barW, fraction, finished ? Tone.BAR_DONE : Tone.BAR_RUNNING, g);
            String info = switch (r.state()) {
                case RUNNING -> Text.pad(View.say(m, "tui.bars.task", r.task() + 1), Math.max(0, infoW - 6))
                        + Text.padLeft(Text.seconds(r.taskElapsedNanos(), m.locale()), Math.min(6, infoW));
                case WAITING -> View.say(m, "tui.bars.waiting");
                case IDLE -> View.say(m, "tui.bars.idle");
                case DONE -> View.say(m, r.tasksDone() == 1 ? "tui.bars.done.one" : "tui.bars.done.many", r.tasksDone());
            };
            c.put(nameW + 2 + barW, y, Text.fit(info, infoW, g.ellipsis()), r.state() == Board.State.RUNNING ? Style.PLAIN : Style.of(Tone.DIM));
        }
        if (!all && h >= 2) {
            c.put(0, h - 2, Text.fit(View.say(m, "tui.bars.others", g.ellipsis(), Text.count(count - rows, m.locale())), w, g.ellipsis()),
                    Style.of(Tone.DIM));
            c.put(0, h - 1, Text.pad(Text.fit(View.say(m, "tui.bars.all"), nameW, g.ellipsis()), nameW), Style.PLAIN.bold());
            bar(c, nameW + 1, h - 1, barW, overall(s), s.result().isPresent() ? Tone.BAR_DONE : Tone.BAR_RUNNING, g);
            c.put(nameW + 2 + barW, h - 1, Text.fit(Text.count(s.tasksDone(), m.locale()) + "/" + Text.count(s.tasksTotal(), m.locale()),
                    infoW, g.ellipsis()), Style.PLAIN);
        } else if (!all) {
            c.put(0, 0, Text.fit(View.say(m, "tui.bars.all") + " " + Text.count(s.tasksDone(), m.locale()) + "/"
                    + Text.count(s.tasksTotal(), m.locale()), w, g.ellipsis()), Style.PLAIN);
        }
    }

    /**
     * The whole run's progress when only some workers are shown: the board knows the running
     * fraction of those only, so the workers not shown are taken to be as far along as the shown
     * ones (true of ten thousand virtual threads all started together, the case where rows run out).
     */
    static double overall(Board.Snapshot s) {
        if (s.result().isPresent() || s.tasksTotal() == 0) return s.overall();
        double sum = 0;
        int running = 0;
        for (Board.WorkerRow r : s.workers())
            if (r.state() == Board.State.RUNNING) {
                sum += r.fraction();
                running++;
            }
        if (running == 0) return s.overall();
        int left = s.tasksTotal() - s.tasksDone();
        double estimate = (s.tasksDone() + Math.min(s.workerCount(), left) * (sum / running)) / s.tasksTotal();
        return Math.max(s.overall(), Math.min(1, estimate));
    }

    /** The name column's width for a snapshot's workers (or the overall bar's label when none is there yet). */
    static int nameWidth(Board.Snapshot s, int width, Messages m) {
        List<String> names = new java.util.ArrayList<>(s.workers().size());
        for (Board.WorkerRow r : s.workers()) names.add(r.name());
        if (names.isEmpty()) names.add(View.say(m, "tui.bars.all"));
        return nameWidth(names, width);
    }

    /** A bar at ({@code x}, {@code y}): the full part in {@code tone}, the rest as a dim track. */
    public static void bar(Canvas c, int x, int y, int width, double fraction, Tone tone, Glyphs g) {
        if (width <= 0) return;
        String full = g.bar(fraction, width);
        int end = c.put(x, y, full, Style.of(tone));
        int rest = x + width - end;
        if (rest > 0) c.put(end, y, String.valueOf(g.track()).repeat(rest), Style.of(Tone.BAR_TRACK));
    }
}
