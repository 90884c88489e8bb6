package concurrence.engine.jvm;

import concurrence.engine.Clock;
import concurrence.engine.Recorder;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A simulated global interpreter lock: one lock that a cpu task must hold to compute, handed
 * over every switch interval (5 ms by default, like CPython's {@code sys.getswitchinterval()})
 * when another thread waits for it, and released while a task waits on io.
 *
 * <pre>{@code
 * Gil gil = new SimulatedGil(Duration.ofMillis(5), recorder);
 * }</pre>
 *
 * <p><b>Why a fair lock.</b> Since Python 3.2, a thread that wants the GIL asks the holder to
 * drop it once the switch interval has passed, and the holder then waits its turn. A fair
 * {@link ReentrantLock} does the same: after {@code unlock()}, the longest waiter gets the lock,
 * and the old holder's {@code lock()} queues behind the others. All threads crawl forward together
 * and finish near the end, as they do in CPython. An unfair lock would let the holder barge back
 * in, and the threads would finish one after the other: not what CPython does.
 *
 * <p>{@code lastHolder} and {@code heldSince} are guarded by {@code lock}: only the holder reads
 * or writes them. Each change of holder is recorded, a release with no one waiting as a
 * hand-over to -1 (free).
 */
public final class SimulatedGil implements Gil {
    private final ReentrantLock lock = new ReentrantLock(true);
    private final long intervalNanos;
    private final Recorder recorder;
    private final Clock clock;
    private int lastHolder = -1;
    private long heldSince;

    public SimulatedGil(Duration switchInterval, Recorder recorder) {
        this.intervalNanos = switchInterval.toNanos();
        this.recorder = recorder;
        this.clock = recorder.clock();
    }

    @Override public void acquire(int worker) throws InterruptedException {
        lock.lockInterruptibly();
        if (lastHolder != worker) {
            recorder.handoff(lastHolder, worker);
            lastHolder = worker;
        }
        heldSince = clock.nanoTime();
    }

    /**
     * Lets the lock go (an io wait, the end of a task), recorded as a hand-over to nobody
     * ({@code to} is -1): the timeline then shows the GIL free while threads sleep, as it is in
     * CPython, rather than held by whoever had it last.
     */
    @Override public void release(int worker) {
        if (!lock.isHeldByCurrentThread()) return;
        recorder.handoff(worker, -1);
        lastHolder = -1;
        lock.unlock();
    }

    @Override public void tick(int worker) throws InterruptedException {
        if (clock.nanoTime() - heldSince >= intervalNanos && lock.hasQueuedThreads()) {
            lock.unlock();
            acquire(worker);
        }
    }

    /** A few ticks per switch interval, so the hand-over comes close to the interval. */
    @Override public long chunkIterations(long iterationsPerSecond) {
        return Math.max(100, Math.min(iterationsPerSecond / 1_000, iterationsPerSecond * intervalNanos / 8_000_000_000L));
    }
}
