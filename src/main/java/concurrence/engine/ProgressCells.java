package concurrence.engine;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Each task's progress, in millionths, written by the worker that runs it and read by whoever
 * samples the board. No lock and no allocation per update: one {@code setRelease} into an array.
 *
 * <pre>{@code
 * cells.set(task, done / (double) total);   // worker, in its hot loop
 * double f = cells.get(task);                // renderer, any time
 * }</pre>
 *
 * <p>Each cell has a single writer (the worker running that task), so plain release/acquire
 * ordering is enough: a reader sees a recent value, never a torn one.
 */
public final class ProgressCells {
    private static final double SCALE = 1_000_000;
    private final AtomicLongArray millionths;

    public ProgressCells(int tasks) { millionths = new AtomicLongArray(tasks); }

    public void set(int task, double fraction) {
        millionths.setRelease(task, (long) (Math.max(0, Math.min(1, fraction)) * SCALE));
    }

    public double get(int task) { return millionths.getAcquire(task) / SCALE; }

    public int size() { return millionths.length(); }
}
