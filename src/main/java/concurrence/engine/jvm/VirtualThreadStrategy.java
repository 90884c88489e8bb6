package concurrence.engine.jvm;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Java's own answer: one virtual thread per task. Waiting costs almost nothing (10,000 sleeping
 * tasks end in about one second), but virtual threads are not time-sliced: on cpu work each
 * carrier thread runs its task to the end before taking the next.
 *
 * <pre>{@code
 * try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
 *     for (int task = 0; task < n; task++) executor.submit(() -> run.runTask(task, task));
 * }
 * }</pre>
 */
public final class VirtualThreadStrategy implements JvmStrategy {
    @Override public List<Long> execute(JvmRun run) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long pid = ProcessHandle.current().pid();
        var executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("virtual-", 1).factory());
        for (int i = 0; i < run.spec().tasks(); i++) {
            int task = i;
            executor.execute(Workers.guarded(run.cancel(), failure, () -> {
                run.recorder().workerStarted(task, Thread.currentThread().getName(), pid);
                run.runTask(task, task);
            }));
        }
        Workers.awaitAll(executor, run.cancel(), failure);
        return List.of();
    }
}
