package concurrence.engine.jvm;

import concurrence.engine.StrategyKind;

import java.util.List;

/**
 * One way of spreading the tasks over workers on this JVM. Adding one means a class and a
 * {@code permits} entry.
 *
 * <pre>{@code
 * JvmStrategy s = JvmStrategy.of(StrategyKind.THREADS);
 * s.execute(run);          // returns when every task has ended, or throws when cancelled
 * }</pre>
 */
public sealed interface JvmStrategy
        permits SequentialStrategy, ThreadPoolStrategy, ProcessPoolStrategy, EventLoopStrategy, VirtualThreadStrategy {

    /**
     * Runs every task of {@code run} and returns when all have ended. When the run is cancelled it
     * stops its workers and throws {@link concurrence.engine.Cancellation.CancelledException}.
     *
     * @return the peak resident memory of each child process it started, in bytes (empty when it
     *         started none)
     */
    List<Long> execute(JvmRun run) throws InterruptedException;

    static JvmStrategy of(StrategyKind kind) {
        return switch (kind) {
            case SEQUENTIAL -> new SequentialStrategy();
            case THREADS -> new ThreadPoolStrategy();
            case PROCESSES -> new ProcessPoolStrategy();
            case ASYNCIO -> new EventLoopStrategy();
            case VIRTUAL_THREADS -> new VirtualThreadStrategy();
        };
    }
}
