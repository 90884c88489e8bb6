package concurrence.tui;

import concurrence.engine.Measurement;
import concurrence.journal.Load;
import concurrence.lesson.Course;

import java.time.Duration;

/**
 * Everything that can happen to the app: a key, a frame's tick, a resize, news from the run on
 * its background thread, a course loaded. {@link Update#update} folds them into the {@link Model}.
 *
 * <pre>{@code
 * Step s = Update.update(model, Msg.Key.of('n'));        // next page
 * s = Update.update(s.model(), new Msg.Resize(120, 40));
 * }</pre>
 */
public sealed interface Msg {

    /** A key; {@code ch} is meaningful for {@link Kind#CHAR} only. */
    record Key(Kind kind, char ch, boolean ctrl, boolean alt) implements Msg {
        public enum Kind {
            CHAR, ENTER, ESCAPE, TAB, BACKSPACE, LEFT, RIGHT, UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END, F1,
            /** The input ended: the terminal is gone (SSH dropped). */
            EOF,
            OTHER
        }

        public static Key of(char ch) { return new Key(Kind.CHAR, ch, false, false); }

        public static Key of(Kind kind) { return new Key(kind, '\0', false, false); }

        public static Key ctrl(char ch) { return new Key(Kind.CHAR, ch, true, false); }

        public boolean is(char c) { return kind == Kind.CHAR && ch == c && !ctrl && !alt; }
    }

    /** A frame went by; {@code nanos} on the app's clock. */
    record Tick(long nanos) implements Msg {}

    /** The runtimes this machine can run, once the search for Pythons (a probe process each) is over. */
    record RuntimesFound(java.util.Set<concurrence.engine.RuntimeKind> available) implements Msg {
        public RuntimesFound { available = java.util.Set.copyOf(available); }
    }

    record Resize(int columns, int rows) implements Msg {}

    /**
     * How busy the machine is, read every few seconds: the one-minute load average, and the cores
     * other programs kept busy since the last reading (-1 when unknown).
     */
    record Busy(double average, double others) implements Msg {}

    /** Run {@code runId} waits for the machine's turn: {@code ahead} cpu experiments go first. */
    record TurnWaiting(int runId, int ahead, Duration waited, Duration maxWait) implements Msg {}

    /** Run {@code runId} has its turn (or needs none): it starts. */
    record TurnTaken(int runId) implements Msg {}

    /** Run {@code runId} was cancelled before it started (while it waited for its turn). */
    record RunCancelled(int runId) implements Msg {}

    /** Something to tell on the status line (a turn given up, a folder of turns unusable). */
    record Told(Notice notice) implements Msg {}

    /** Run {@code runId} started its strategy number {@code step}. */
    record RunEvent(int runId, int step) implements Msg {}

    /**
     * Run {@code runId} measured its strategy number {@code step} (cancelled or not), while other
     * programs kept the machine as busy as {@code load} says.
     */
    record RunDone(int runId, int step, Measurement measurement, Load load) implements Msg {}

    /** Run {@code runId} stopped on an error, told in {@code reason}. */
    record RunFailed(int runId, String reason) implements Msg {}

    record CourseLoaded(Course course) implements Msg {}

    /** A finished measurement could not be kept (the journal failed), told in {@code reason}. */
    record SaveFailed(String reason) implements Msg {}

    /** The export (key e) wrote {@code runs} runs into {@code file}. */
    record Exported(String file, int runs) implements Msg {}

    /** The export (key e) could not be written, told in {@code reason}. */
    record ExportFailed(String reason) implements Msg {}

    record CourseFailed(String language, String reason) implements Msg {}
}
