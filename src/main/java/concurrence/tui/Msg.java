package concurrence.tui;

import concurrence.engine.Measurement;
import concurrence.lesson.Course;

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

    record Resize(int columns, int rows) implements Msg {}

    /** The machine's one-minute load average, read now and then. */
    record Load(double average) implements Msg {}

    /** Run {@code runId} started its strategy number {@code step}. */
    record RunEvent(int runId, int step) implements Msg {}

    /** Run {@code runId} measured its strategy number {@code step} (cancelled or not). */
    record RunDone(int runId, int step, Measurement measurement) implements Msg {}

    /** Run {@code runId} stopped on an error, told in {@code reason}. */
    record RunFailed(int runId, String reason) implements Msg {}

    record CourseLoaded(Course course) implements Msg {}

    /** A finished measurement could not be kept (the journal failed), told in {@code reason}. */
    record SaveFailed(String reason) implements Msg {}

    record CourseFailed(String language, String reason) implements Msg {}
}
