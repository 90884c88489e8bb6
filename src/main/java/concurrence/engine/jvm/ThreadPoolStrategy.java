package concurrence.engine.jvm;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The notebook's {@code ThreadPoolExecutor(max_workers=5)}: a fixed pool of platform threads
 * taking the tasks in order from one queue.
 *
 * <pre>{@code
 * ExecutorService pool = Executors.newFixedThreadPool(workers);
 * for (int task = 0; task < n; task++) pool.execute(() -> run.runTask(worker, task));
 * }</pre>
 *
 * <p>Threads are created on demand, as Python's executor does, and are daemons: a crash never
 * leaves the JVM running. Each thread learns its worker index from the factory that made it.
 */
public final class ThreadPoolStrategy implements JvmStrategy {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final ThreadLocal<Integer> WORKER = new ThreadLocal<>();

    @Override public List<Long> execute(JvmRun run) throws InterruptedException {
        int workers = run.spec().effectiveWorkers();
        int pool = POOLS.incrementAndGet();
        AtomicInteger created = new AtomicInteger();
        long pid = ProcessHandle.current().pid();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        var executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            int index = created.getAndIncrement();
            String name = "pool-" + pool + "-thread-" + (index + 1);
            Thread t = new Thread(() -> {
                WORKER.set(index);
                run.recorder().workerStarted(index, name, pid);
                r.run();
            }, name);
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < run.spec().tasks(); i++) {
            int task = i;
            executor.execute(Workers.guarded(run.cancel(), failure, () -> run.runTask(WORKER.get(), task)));
        }
        Workers.awaitAll(executor, run.cancel(), failure);
        return List.of();
    }
}
