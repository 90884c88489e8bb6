package concurrence.engine.jvm;

import concurrence.engine.Cancellation;
import concurrence.engine.Clock;
import concurrence.engine.CpuTimes;
import concurrence.engine.Event;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.Ideal;
import concurrence.engine.Machine;
import concurrence.engine.Memory;
import concurrence.engine.Recorder;
import concurrence.engine.RunResult;
import concurrence.engine.Runner;
import concurrence.engine.StrategyKind;
import concurrence.engine.SystemClock;
import concurrence.engine.TaskKind;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Runs experiments on this JVM ({@code jvm}) or on this JVM under a simulated GIL ({@code jvm+gil}).
 *
 * <pre>{@code
 * Runner runner = new JvmRunner();
 * RunResult r = runner.run(ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.CPU),
 *         event -> {}, new Cancellation());
 * }</pre>
 *
 * <p>The cpu work is calibrated before the start gate, so calibration is never measured. Wall
 * time runs from the gate (just before the strategy creates its workers, as {@code %time} around
 * the notebook's helper counts the pool's creation) to the end of the last task. A daemon thread
 * samples this JVM's resident memory every 50 ms while the run goes.
 */
public final class JvmRunner implements Runner {
    private final Clock clock;
    private final LongSupplier iterationsPerSecond;
    private final int cores;

    public JvmRunner() { this(SystemClock.INSTANCE, CpuKernel::iterationsPerSecond, Runtime.getRuntime().availableProcessors()); }

    /** For tests: a clock, a fixed calibration, and a number of cores. */
    public JvmRunner(Clock clock, LongSupplier iterationsPerSecond, int cores) {
        this.clock = clock;
        this.iterationsPerSecond = iterationsPerSecond;
        this.cores = cores;
    }

    @Override public RunResult run(ExperimentSpec spec, Consumer<Event> listener, Cancellation cancel) throws InterruptedException {
        if (!spec.runtime().isJvm()) throw new IllegalArgumentException("not a JVM runtime: " + spec.runtime().id());
        long perSecond = spec.task() == TaskKind.CPU ? iterationsPerSecond.getAsLong() : 1_000_000;
        long iterations = Math.max(1, Math.round(perSecond * spec.scale()));
        int workers = spec.effectiveWorkers();
        Recorder recorder = new Recorder(clock, spec, workers, listener);
        // Each child process has an interpreter, and so a GIL, of its own: nothing to share.
        Gil gil = spec.runtime().hasGil() && spec.strategy() != StrategyKind.PROCESSES
                ? new SimulatedGil(spec.switchInterval(), recorder) : NoGil.INSTANCE;
        JvmRun run = new JvmRun(spec, recorder, gil, cancel, iterations, gil.chunkIterations(perSecond));
        JvmStrategy strategy = JvmStrategy.of(spec.strategy());
        if (spec.strategy() == StrategyKind.PROCESSES) ProcessPoolStrategy.prepare();

        double load = Machine.loadAverage();
        long rssBefore = clock.residentBytes();
        AtomicLong rssPeak = new AtomicLong(rssBefore);
        Thread sampler = Thread.ofPlatform().daemon().name("rss-sampler").start(() -> {
            try {
                while (true) {
                    rssPeak.accumulateAndGet(clock.residentBytes(), Math::max);
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                // run over
            }
        });
        List<Long> children = List.of();
        boolean cancelled = false;
        CpuTimes before = clock.cpu();
        recorder.start();
        try {
            children = strategy.execute(run);
        } catch (Cancellation.CancelledException e) {
            cancelled = true;
        } finally {
            sampler.interrupt();
        }
        long wall = recorder.now();
        CpuTimes used = clock.cpu().minus(before);
        sampler.join();
        cancelled |= cancel.isCancelled();
        long t1 = spec.taskNanos();
        RunResult result = new RunResult(spec, wall, used, recorder.timeline(wall), recorder.handoffs(),
                new Memory(rssBefore, rssPeak.get(), children), Ideal.nanos(spec, cores, t1), t1, cores,
                recorder.workerNames(), cancelled, load);
        listener.accept(new Event.RunFinished(result));
        return result;
    }
}
