package concurrence.engine;

import java.time.Duration;

/**
 * One experiment: a strategy running {@code tasks} tasks of one kind on {@code workers} workers.
 * The defaults mirror the notebook: five tasks, five workers, one second each.
 *
 * <pre>{@code
 * var spec = ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.IO)
 *         .withScale(0.1);               // tasks of 0.1 s, for a quick try
 * }</pre>
 *
 * @param scale          multiplies the length of every task (1 = the notebook's second)
 * @param switchInterval the simulated GIL's switch interval ({@code sys.getswitchinterval()})
 * @param repeat         runs of the experiment, as {@code %timeit} does
 */
public record ExperimentSpec(StrategyKind strategy, TaskKind task, int tasks, int workers,
                             RuntimeKind runtime, double scale, Duration switchInterval, int repeat) {

    public static final int MAX_TASKS = 100_000;
    public static final int MAX_WORKERS = 10_000;
    /** Child processes are far heavier than threads: a pool larger than this is refused. */
    public static final int MAX_PROCESS_WORKERS = 64;
    public static final double MIN_SCALE = 0.001;
    public static final double MAX_SCALE = 10;
    public static final int MAX_REPEAT = 100;
    public static final Duration DEFAULT_SWITCH_INTERVAL = Duration.ofMillis(5);
    public static final Duration MIN_SWITCH_INTERVAL = Duration.ofNanos(10_000);
    public static final Duration MAX_SWITCH_INTERVAL = Duration.ofSeconds(1);

    public ExperimentSpec {
        if (strategy == null || task == null || runtime == null || switchInterval == null)
            throw new IllegalArgumentException("strategy, task, runtime and switch interval are required");
        if (tasks < 1 || tasks > MAX_TASKS)
            throw new IllegalArgumentException("tasks must be between 1 and %d, not %d".formatted(MAX_TASKS, tasks));
        if (workers < 1 || workers > MAX_WORKERS)
            throw new IllegalArgumentException("workers must be between 1 and %d, not %d".formatted(MAX_WORKERS, workers));
        if (strategy == StrategyKind.PROCESSES && workers > MAX_PROCESS_WORKERS)
            throw new IllegalArgumentException("a pool of processes has at most %d workers, not %d".formatted(MAX_PROCESS_WORKERS, workers));
        if (!(scale >= MIN_SCALE && scale <= MAX_SCALE))
            throw new IllegalArgumentException("scale must be between %s and %s, not %s".formatted(MIN_SCALE, MAX_SCALE, scale));
        if (switchInterval.compareTo(MIN_SWITCH_INTERVAL) < 0 || switchInterval.compareTo(MAX_SWITCH_INTERVAL) > 0)
            throw new IllegalArgumentException("switch interval must be between 10 µs and 1 s, not " + switchInterval);
        if (repeat < 1 || repeat > MAX_REPEAT)
            throw new IllegalArgumentException("repeat must be between 1 and %d, not %d".formatted(MAX_REPEAT, repeat));
    }

    /** The notebook's setting: 5 tasks, 5 workers, 1 s each, on this JVM. */
    public static ExperimentSpec notebook(StrategyKind strategy, TaskKind task) {
        return new ExperimentSpec(strategy, task, 5, 5, RuntimeKind.JVM, 1.0, DEFAULT_SWITCH_INTERVAL, 1);
    }

    public ExperimentSpec withStrategy(StrategyKind s) { return new ExperimentSpec(s, task, tasks, workers, runtime, scale, switchInterval, repeat); }
    public ExperimentSpec withTask(TaskKind t) { return new ExperimentSpec(strategy, t, tasks, workers, runtime, scale, switchInterval, repeat); }
    public ExperimentSpec withTasks(int n) { return new ExperimentSpec(strategy, task, n, workers, runtime, scale, switchInterval, repeat); }
    public ExperimentSpec withWorkers(int w) { return new ExperimentSpec(strategy, task, tasks, w, runtime, scale, switchInterval, repeat); }
    public ExperimentSpec withRuntime(RuntimeKind r) { return new ExperimentSpec(strategy, task, tasks, workers, r, scale, switchInterval, repeat); }
    public ExperimentSpec withScale(double s) { return new ExperimentSpec(strategy, task, tasks, workers, runtime, s, switchInterval, repeat); }
    public ExperimentSpec withSwitchInterval(Duration d) { return new ExperimentSpec(strategy, task, tasks, workers, runtime, scale, d, repeat); }
    public ExperimentSpec withRepeat(int k) { return new ExperimentSpec(strategy, task, tasks, workers, runtime, scale, switchInterval, k); }

    /** The length of one task in nanoseconds: {@code scale} seconds. */
    public long taskNanos() { return Math.round(scale * 1e9); }

    /**
     * How many workers actually run: sequential has one, asyncio and virtual threads one per task,
     * pools {@code workers} (never more than there are tasks, as the executors start workers on demand).
     */
    public int effectiveWorkers() {
        return switch (strategy) {
            case SEQUENTIAL -> 1;
            case ASYNCIO, VIRTUAL_THREADS -> tasks;
            case THREADS, PROCESSES -> Math.min(workers, tasks);
        };
    }
}
