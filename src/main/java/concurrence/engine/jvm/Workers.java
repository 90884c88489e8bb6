package concurrence.engine.jvm;

import concurrence.engine.Cancellation;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the thread-based strategies share: waiting for an executor to finish while watching for a
 * cancel, and carrying a worker's failure back to the caller.
 */
final class Workers {
    private Workers() {}

    /** An executor with one daemon thread named {@code name}: a crash never leaves the JVM running. */
    static ExecutorService singleThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Shuts {@code pool} down (no new tasks) and waits for it; a cancel stops it with
     * {@code shutdownNow()}, which interrupts the workers. Rethrows the first failure of a task.
     */
    static void awaitAll(ExecutorService pool, Cancellation cancel, AtomicReference<Throwable> failure)
            throws InterruptedException {
        cancel.onCancel(pool::shutdownNow);
        pool.shutdown();
        try {
            while (!pool.awaitTermination(50, TimeUnit.MILLISECONDS)) {
                if (failure.get() != null) pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            throw e;
        }
        cancel.check();
        rethrow(failure.get());
    }

    /** Wraps a task so its failure (other than a cancel) is kept for the caller. */
    static Runnable guarded(Cancellation cancel, AtomicReference<Throwable> failure, Body body) {
        return () -> {
            try {
                body.run();
            } catch (InterruptedException | Cancellation.CancelledException e) {
                if (!cancel.isCancelled()) failure.compareAndSet(null, e);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
    }

    static void rethrow(Throwable t) {
        if (t == null) return;
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException(t);
    }

    interface Body {
        void run() throws InterruptedException;
    }
}
