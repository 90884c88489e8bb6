package concurrence.engine.jvm;

/**
 * A global interpreter lock, or its absence. A cpu task computes only between
 * {@link #acquire} and {@link #release}, and calls {@link #tick} between chunks of work so the
 * lock can change hands; an io task releases it while it waits.
 *
 * <pre>{@code
 * gil.acquire(worker);
 * try {
 *     while (more) { computeChunk(); gil.tick(worker); }
 * } finally { gil.release(worker); }
 * }</pre>
 */
public sealed interface Gil permits NoGil, SimulatedGil {
    void acquire(int worker) throws InterruptedException;

    void release(int worker);

    /** Between two chunks of computation: hands the lock over if its time is up and someone waits. */
    void tick(int worker) throws InterruptedException;

    /** How many iterations of the cpu loop fit between two ticks. */
    long chunkIterations(long iterationsPerSecond);
}
