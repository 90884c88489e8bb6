package concurrence.shell;

import concurrence.engine.Board;
import concurrence.engine.ExperimentSpec;
import concurrence.i18n.Messages;
import concurrence.report.Durations;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines redrawn in place while an experiment runs: a heading (strategy, task, runtime, time,
 * tasks done), then one line per worker with its bar. A pure function of a board's snapshot, so
 * tests need no terminal.
 *
 * <pre>{@code
 * threads · io · jvm   0,62 s   2/5 tâches
 *   ThreadPool-0  ██████████████░░░░░░░░  62 %  tâche 3
 *   ThreadPool-1  ██████████████████████ fini
 * }</pre>
 */
public final class LiveLines {
    private LiveLines() {}

    /**
     * @param rows    the most lines to return (the terminal's height less a margin)
     * @param width   the terminal's width: no line reaches it (so the terminal never wraps one)
     * @param unicode block characters for the bars, else {@code #} and {@code .}
     */
    public static List<String> render(Board.Snapshot s, int rows, int width, boolean unicode, Messages m) {
        List<String> out = new ArrayList<>();
        if (rows <= 0 || width <= 1 || s.spec().isEmpty()) return out;
        int w = width - 1;
        ExperimentSpec spec = s.spec().get();
        out.add(cut(m.get("shell.live.heading", spec.strategy().id(), spec.task().id(), spec.runtime().id(),
                Durations.format(s.elapsedNanos(), m.locale()), s.tasksDone(), s.tasksTotal()), w));
        boolean more = s.workerCount() > Math.min(s.workers().size(), rows - 1);
        int shown = Math.min(s.workers().size(), rows - 1 - (more ? 1 : 0));
        int nameWidth = 0;
        int widest = Math.max(16, Math.min(28, w / 3));
        for (int i = 0; i < shown; i++) nameWidth = Math.max(nameWidth, Math.min(widest, s.workers().get(i).name().length()));
        boolean cancelled = s.result().map(r -> r.cancelled()).orElse(false);
        for (int i = 0; i < Math.max(0, shown); i++) out.add(cut(worker(s.workers().get(i), nameWidth, w, unicode, cancelled, m), w));
        int hidden = s.workerCount() - Math.max(0, shown);
        if (hidden > 0 && out.size() < rows) out.add(cut("  " + m.get("shell.live.more", hidden), w));
        return out;
    }

    private static String worker(Board.WorkerRow row, int nameWidth, int width, boolean unicode, boolean cancelled, Messages m) {
        String name = row.name().length() > nameWidth ? row.name().substring(0, nameWidth) : row.name();
        String label = switch (row.state()) {
            case WAITING -> m.get("shell.live.waiting");
            case RUNNING -> String.format("%3d %%  %s", Math.round(100 * row.fraction()), m.get("shell.live.task", row.task()));
            case IDLE -> m.get("shell.live.idle", row.tasksDone());
            case DONE -> m.get(cancelled ? "shell.live.stopped" : "shell.live.done", row.tasksDone());
        };
        String head = "  " + name + " ".repeat(nameWidth - name.length()) + "  ";
        int barWidth = Math.min(30, width - head.length() - label.length() - 2);
        if (barWidth < 4) return head + label;
        double fraction = switch (row.state()) {
            case RUNNING -> row.fraction();
            case DONE -> cancelled ? 0 : 1;
            case WAITING, IDLE -> 0;
        };
        return head + bar(fraction, barWidth, unicode) + "  " + label;
    }

    static String bar(double fraction, int width, boolean unicode) {
        int full = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
        return (unicode ? "█" : "#").repeat(full) + (unicode ? "░" : ".").repeat(width - full);
    }

    private static String cut(String line, int width) {
        return line.length() <= width ? line : line.substring(0, Math.max(0, width));
    }
}
