package concurrence.engine;

/**
 * What a run reports while it goes: the engine emits these, a {@link Board} folds them.
 * Times are nanoseconds since the run's start gate.
 *
 * <pre>{@code
 * switch (event) {
 *     case Event.TaskStarted s -> lanes[s.worker()] = s.task();
 *     ...
 * }
 * }</pre>
 */
public sealed interface Event {

    /**
     * The run passed its start gate at {@code gateNanoTime} (on the run's {@link Clock}): from now
     * on its clock runs. {@code progress} is the run's lock-free progress cells, one per task,
     * which in-process workers write and a {@link Board} reads when sampled.
     */
    record RunStarted(ExperimentSpec spec, int workers, long gateNanoTime, ProgressCells progress) implements Event {}

    /** A worker exists: a thread, a child process, a coroutine or a virtual thread, named as its runtime names it. */
    record WorkerStarted(int worker, String name, long pid, long atNanos) implements Event {}

    record TaskStarted(int worker, int task, long atNanos) implements Event {}

    /**
     * A task's progress, for runtimes that report it as messages (child processes, CPython).
     * In-process tasks write their progress to the run's lock-free cells instead; see {@link Recorder}.
     */
    record TaskProgress(int task, double fraction) implements Event {}

    record TaskFinished(int worker, int task, long atNanos) implements Event {}

    /** The (simulated or real) GIL passed from one worker to another; {@code from} is -1 for the first holder. */
    record LockHandedOver(int from, int to, long atNanos) implements Event {}

    /** The run is over, finished or cancelled; its measurements are in {@code result}. */
    record RunFinished(RunResult result) implements Event {}
}
