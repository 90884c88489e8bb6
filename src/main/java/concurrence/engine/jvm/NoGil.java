package concurrence.engine.jvm;

/**
 * This JVM as it is: no global lock; threads compute in parallel on every core.
 *
 * <pre>{@code
 * Gil gil = NoGil.INSTANCE;
 * }</pre>
 */
public final class NoGil implements Gil {
    public static final NoGil INSTANCE = new NoGil();

    private NoGil() {}

    @Override public void acquire(int worker) {}

    @Override public void release(int worker) {}

    @Override public void tick(int worker) {}

    /** About a millisecond of work: progress updates stay cheap and frequent enough for a bar. */
    @Override public long chunkIterations(long iterationsPerSecond) { return Math.max(1_000, iterationsPerSecond / 1_000); }
}
