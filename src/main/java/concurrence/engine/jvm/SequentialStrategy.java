package concurrence.engine.jvm;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The notebook's {@code doing_several_things_sequentially}: every task, one after the other, on
 * one thread ({@code list(map(action, range(n)))}).
 *
 * <pre>{@code
 * for (int task = 0; task < n; task++) run.runTask(0, task);
 * }</pre>
 */
public final class SequentialStrategy implements JvmStrategy {
    @Override public List<Long> execute(JvmRun run) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // A thread of its own, so that a cancel can interrupt it without touching the caller.
        ExecutorService one = Workers.singleThread("main");
        one.execute(Workers.guarded(run.cancel(), failure, () -> {
            run.recorder().workerStarted(0, "main", ProcessHandle.current().pid());
            for (int task = 0; task < run.spec().tasks(); task++) run.runTask(0, task);
        }));
        Workers.awaitAll(one, run.cancel(), failure);
        return List.of();
    }
}
