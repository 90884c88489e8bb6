package concurrence.engine;

/** The GIL passed from worker {@code from} (-1: nobody held it) to worker {@code to}. */
public record Handoff(int from, int to, long atNanos) {}
