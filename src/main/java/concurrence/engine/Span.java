package concurrence.engine;

/**
 * One task on one worker, from its start to its end, in nanoseconds since the start gate:
 * one block of the timeline.
 */
public record Span(int worker, int task, long startNanos, long endNanos) {
    public Span {
        if (worker < 0 || task < 0) throw new IllegalArgumentException("worker and task are indexes, not " + worker + ", " + task);
        if (endNanos < startNanos) throw new IllegalArgumentException("a span ends after it starts: " + startNanos + " > " + endNanos);
    }
}
