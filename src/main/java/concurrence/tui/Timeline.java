package concurrence.tui;

import concurrence.engine.Handoff;
import concurrence.engine.Span;
import concurrence.i18n.Messages;
import concurrence.report.Durations;

import java.util.List;

/**
 * When each task ran on each worker: one lane per worker, one block per task, on a common time
 * axis. Parallel tasks stack up, sequential ones make a staircase, an event loop's tasks share
 * one lane. The GIL lane, under it, shows which worker held the lock at each moment.
 *
 * <pre>{@code
 * pool-1-thread-1 ████████████
 * pool-1-thread-2 ████████████
 *                 0                    1,02 s
 * }</pre>
 */
public final class Timeline {
    private Timeline() {}

    /**
     * The time the axis spans: what the run should take, grown by half whenever the run goes past
     * it, so the axis (and every block drawn on it) changes seldom while a run goes.
     */
    public static long axis(long expectedNanos, long elapsedNanos) {
        double t = Math.max(expectedNanos, 1_000_000L);
        while (elapsedNanos > t) t *= 1.5;
        return Math.round(t);
    }

    /**
     * Lanes for the first workers that fit, with {@code names} in a column {@code nameWidth} wide,
     * then the axis on the last row (which also says how many lanes did not fit).
     */
    public static void draw(Canvas c, List<Span> spans, List<String> names, int workers, long axisNanos, int nameWidth,
                            Glyphs g, Messages m) {
        int h = c.height();
        if (h <= 0 || c.width() <= 0) return;
        int lanes = Math.min(workers, Math.max(0, h - 1));
        lanes(c, spans, names, lanes, axisNanos, nameWidth, g);
        if (h > lanes) axis(c, lanes, nameWidth, axisNanos, workers - lanes, g, m);
    }

    /** The first {@code lanes} workers' lanes, one a row from the top of {@code c}. */
    public static void lanes(Canvas c, List<Span> spans, List<String> names, int lanes, long axisNanos, int nameWidth, Glyphs g) {
        int track = Math.max(0, c.width() - nameWidth - 1);
        int rows = Math.min(lanes, c.height());
        for (int y = 0; y < rows; y++) {
            String name = y < names.size() ? names.get(y) : "#" + y;
            c.put(0, y, Text.pad(Text.fit(name, nameWidth, g.ellipsis()), nameWidth), Style.of(Tone.DIM));
        }
        if (track == 0) return;
        for (Span s : spans) {
            if (s.worker() >= rows) continue;
            int x0 = cell(s.startNanos(), axisNanos, track);
            if (x0 >= track) continue;
            int x1 = Math.min(track, Math.max(x0 + 1, (int) Math.ceil(s.endNanos() * (double) track / axisNanos)));
            boolean odd = s.task() % 2 == 1;
            c.put(nameWidth + 1 + x0, s.worker(), String.valueOf(g.block(odd)).repeat(x1 - x0),
                    Style.of(odd ? Tone.LANE_ODD : Tone.LANE_EVEN));
        }
    }

    /** The time axis on row {@code y}: 0 on the left, its span on the right; {@code hidden} lanes that did not fit, if any. */
    public static void axis(Canvas c, int y, int nameWidth, long axisNanos, int hidden, Glyphs g, Messages m) {
        if (hidden > 0)
            c.put(0, y, Text.fit(View.say(m, "tui.timeline.hidden", Text.count(hidden, m.locale())), nameWidth, g.ellipsis()), Style.of(Tone.DIM));
        int track = Math.max(0, c.width() - nameWidth - 1);
        if (track <= 0) return;
        String end = Durations.format(axisNanos, m.locale());
        c.put(nameWidth + 1, y, "0", Style.of(Tone.DIM));
        if (track > Text.width(end) + 2) c.put(nameWidth + 1 + track - Text.width(end), y, end, Style.of(Tone.DIM));
    }

    /** The GIL's holder over time on one row: each cell shows the worker (1, 2, 3...) holding it then. */
    public static void gil(Canvas c, int y, List<Handoff> handoffs, long elapsedNanos, long axisNanos, int nameWidth,
                           Glyphs g, Messages m) {
        int w = c.width();
        if (y < 0 || y >= c.height() || w <= 0) return;
        c.put(0, y, Text.pad(Text.fit(View.say(m, "tui.timeline.gil"), nameWidth, g.ellipsis()), nameWidth), Style.of(Tone.ACCENT).bold());
        int track = Math.max(0, w - nameWidth - 1);
        int i = 0;
        int holder = -1;
        for (int x = 0; x < track; x++) {
            long t = Math.round((x + 0.5) * axisNanos / track);
            if (t > elapsedNanos) break;
            while (i < handoffs.size() && handoffs.get(i).atNanos() <= t) holder = handoffs.get(i++).to();
            if (holder < 0) c.put(nameWidth + 1 + x, y, String.valueOf(g.track()), Style.of(Tone.BAR_TRACK));
            else c.put(nameWidth + 1 + x, y, String.valueOf(Character.forDigit((holder + 1) % 36, 36)), Style.of(Tone.worker(holder)).bold());
        }
    }

    private static int cell(long nanos, long axis, int track) { return (int) Math.floor(nanos * (double) track / axis); }
}
