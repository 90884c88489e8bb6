package concurrence.tui;

/**
 * What a colour means on screen, not which colour it is: the terminal adapter picks the colour
 * for the terminal's depth (truecolor, 256, 8 or none), so widgets never name one.
 *
 * <pre>{@code
 * canvas.put(0, 0, "threads", Style.of(Tone.ACCENT).bold());
 * }</pre>
 */
public enum Tone {
    DEFAULT, DIM, HEADING, ACCENT, EMPHASIS, CODE,
    KEYWORD, STRING, COMMENT, NUMBER, BUILTIN,
    BAR_RUNNING, BAR_DONE, BAR_TRACK, LANE_EVEN, LANE_ODD,
    OK, WARNING, ERROR,
    /** The header bar and the contents' cursor: light text on a dark background, whatever the terminal's own colours. */
    HEADER, HEADER_TEXT, SELECTION, OVERLAY,
    WORKER_0, WORKER_1, WORKER_2, WORKER_3, WORKER_4, WORKER_5;

    private static final Tone[] WORKERS = {WORKER_0, WORKER_1, WORKER_2, WORKER_3, WORKER_4, WORKER_5};

    /** The tone of worker {@code index} in the GIL lane: six tones, in turn. */
    public static Tone worker(int index) { return WORKERS[Math.floorMod(index, WORKERS.length)]; }
}
