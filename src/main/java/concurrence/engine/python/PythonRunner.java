package concurrence.engine.python;

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
import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.engine.SystemClock;
import concurrence.engine.TaskKind;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs the notebook's experiments on a real CPython: {@code python} on a build with a GIL,
 * {@code python-ft} on a free-threaded build with its GIL off.
 *
 * <pre>{@code
 * Interpreter py = PythonFinder.system().search(Optional.empty()).interpreterFor(RuntimeKind.PYTHON).orElseThrow();
 * Runner runner = new PythonRunner(py, RuntimeKind.PYTHON);
 * RunResult r = runner.run(ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.CPU).withRuntime(RuntimeKind.PYTHON),
 *         board, new Cancellation());
 * }</pre>
 *
 * <p>Each run starts the bridge ({@code bridge.py}, shipped in the jar) with the spec as its
 * arguments, reads the JSON lines it prints and replays them into a {@link Recorder}, so the
 * board, the screen and the journal see the same events as from the JVM. The times are Python's
 * own: the wall time is what the bridge measured around the construct, as {@code %time} does; the
 * timeline is each task's start and end as Python stamped them (see {@link ReplayClock}); CPU
 * times are the bridge's {@code os.times()} deltas, the children's being the larger of
 * {@code os.times()}'s and the sum the process workers report themselves (forkserver workers are
 * not the bridge's children, so {@code os.times()} misses them).
 *
 * <p><b>The ideal's t1.</b> One cpu task's length on this interpreter is measured once per
 * interpreter, runtime and scale, in a bridge of its own before the first cpu run (so it is never
 * part of a measured run), as the least CPU time ({@code time.process_time()}) of three runs of
 * the task: what the task needs of one core. Its CPU time, not its wall time, because other
 * programs on a shared machine stretch the wall time of a short measurement by whatever they take
 * of the core meanwhile, which would put the ideal itself out of reach; the run's own wall time
 * then shows what they cost. It is cached for the life of the JVM. For io, t1 is the task's set
 * length.
 *
 * <p><b>Faults.</b> A Python exception, a bridge that exits early, falls silent (no line, not even
 * its heartbeat, for {@code silence}) or runs far longer than the experiment could, throws a
 * {@link PythonException} naming the interpreter, with the end of its standard error. Lines that
 * are not the bridge's are ignored and counted ({@link Outcome#ignoredLines()}). A cancel kills
 * the whole process tree and returns a cancelled result. Whatever happens, no process and no file
 * is left behind.
 */
public final class PythonRunner implements Runner {
    /** How this runner runs its bridges; tests shorten the silence and choose where the private directories go. */
    public record Settings(Optional<Path> privateBase, Duration silence, Optional<String> startMethod, Clock clock, int cores) {
        public static final Settings DEFAULT = new Settings(Optional.empty(), Duration.ofSeconds(30), Optional.empty(),
                SystemClock.INSTANCE, Runtime.getRuntime().availableProcessors());

        public Settings {
            if (privateBase == null || silence == null || startMethod == null || clock == null || cores < 1)
                throw new IllegalArgumentException("settings are given in full");
        }

        public Settings withPrivateBase(Path base) { return new Settings(Optional.of(base), silence, startMethod, clock, cores); }

        public Settings withSilence(Duration d) { return new Settings(privateBase, d, startMethod, clock, cores); }

        /** {@code fork}, {@code forkserver} or {@code spawn}, instead of the interpreter's default. */
        public Settings withStartMethod(String method) { return new Settings(privateBase, silence, Optional.of(method), clock, cores); }
    }

    /** A run's result, and what else the bridge said. */
    public record Outcome(RunResult result, int ignoredLines, String stderr, String startMethod) {}

    /** t1 by interpreter, runtime and scale: measured once per JVM. */
    private static final Map<String, Long> T1 = new ConcurrentHashMap<>();
    private static final int CALIBRATION_RUNS = 3;

    private final Interpreter python;
    private final RuntimeKind runtime;
    private final Settings settings;

    public PythonRunner(Interpreter python, RuntimeKind runtime) { this(python, runtime, Settings.DEFAULT); }

    public PythonRunner(Interpreter python, RuntimeKind runtime, Settings settings) {
        if (!python.fits(runtime))
            throw new IllegalArgumentException(python.describe() + " cannot run " + runtime.id());
        this.python = python;
        this.runtime = runtime;
        this.settings = settings;
    }

    public Interpreter interpreter() { return python; }

    @Override public RunResult run(ExperimentSpec spec, Consumer<Event> listener, Cancellation cancel) throws InterruptedException {
        return execute(spec, listener, cancel).result();
    }

    /** Runs {@code spec} once, as {@link #run}, and tells what else the bridge said. */
    public Outcome execute(ExperimentSpec spec, Consumer<Event> listener, Cancellation cancel) throws InterruptedException {
        if (spec.runtime() != runtime)
            throw new IllegalArgumentException("this runner runs " + runtime.id() + ", not " + spec.runtime().id());
        if (spec.strategy() == StrategyKind.VIRTUAL_THREADS)
            throw new PythonException(new PythonFault.Unsupported(spec.strategy().id()));
        int capacity = spec.strategy() == StrategyKind.PROCESSES ? spec.workers() : spec.effectiveWorkers();
        ReplayClock clock = new ReplayClock(settings.clock());
        Recorder recorder = new Recorder(clock, spec, capacity, listener);
        if (cancel.isCancelled()) return cancelled(spec, recorder, clock, 0, "", "");
        long t1 = spec.task() == TaskKind.CPU ? t1(spec.scale(), cancel) : spec.taskNanos();
        if (cancel.isCancelled()) return cancelled(spec, recorder, clock, 0, "", "");
        double load = Machine.loadAverage();
        Replay replay = new Replay(spec, recorder, clock, capacity);
        try (BridgeProcess bridge = BridgeProcess.start(python, runtime == RuntimeKind.PYTHON_FT, arguments(spec),
                limits(spec), settings.privateBase())) {
            cancel.onCancel(bridge::kill);
            try {
                for (String line; (line = bridge.readLine()) != null; ) {
                    Optional<PythonFault> stop = replay.line(line);
                    if (stop.isPresent()) {
                        bridge.kill();
                        throw new PythonException(stop.get());
                    }
                }
            } catch (IOException e) {
                // the pipe broke: the bridge is gone; its exit code says how
            }
            int exit = bridge.waitFor();
            String stderr = bridge.stderr();
            if (cancel.isCancelled() || bridge.ending() == BridgeProcess.Ending.KILLED)
                return cancelled(spec, recorder, clock, replay.ignored, stderr, replay.startMethod);
            fail(bridge.ending(), limits(spec).overall());
            BridgeLine.Result r = replay.result;
            if (exit != 0 || r == null)
                throw new PythonException(new PythonFault.BridgeFailed(python.describe(), exit, detail(replay.error, stderr)));
            CpuTimes cpu = new CpuTimes(nanos(r.times().get(0)), nanos(r.times().get(1)),
                    nanos(Math.max(r.times().get(2), r.workersCpu().get(0))),
                    nanos(Math.max(r.times().get(3), r.workersCpu().get(1))));
            long wall = nanos(r.wall());
            RunResult result = new RunResult(spec, wall, cpu, recorder.timeline(wall), List.of(),
                    new Memory(r.rssBefore(), r.rssPeak(), replay.childPeaks(r.workerRss())),
                    Ideal.nanos(spec, settings.cores(), t1), t1, settings.cores(), recorder.workerNames(), false, load);
            recorder.emit(new Event.RunFinished(result));
            return new Outcome(result, replay.ignored, stderr, replay.startMethod);
        }
    }

    /** One cpu task's length on this interpreter at {@code scale}: measured once per JVM (see the class comment). */
    long t1(double scale, Cancellation cancel) throws InterruptedException {
        String key = python.executable() + "|" + runtime.id() + "|" + scale;
        Long known = T1.get(key);
        if (known != null) return known;
        List<String> args = List.of("calibrate", "--scale", number(scale), "--repeat", Integer.toString(CALIBRATION_RUNS));
        Duration overall = Duration.ofSeconds(60).plusMillis(Math.round(CALIBRATION_RUNS * scale * 20_000));
        try (BridgeProcess bridge = BridgeProcess.start(python, runtime == RuntimeKind.PYTHON_FT, args,
                new BridgeProcess.Limits(settings.silence(), overall), settings.privateBase())) {
            cancel.onCancel(bridge::kill);
            BridgeLine.Calibration calibration = null;
            BridgeLine.Error error = null;
            try {
                for (String line; (line = bridge.readLine()) != null; ) {
                    switch (BridgeLine.parse(line).orElse(null)) {
                        case BridgeLine.Calibration c -> calibration = c;
                        case BridgeLine.Error e -> error = e;
                        case null, default -> { /* hello, or not ours */ }
                    }
                }
            } catch (IOException e) {
                // gone: the exit code says how
            }
            int exit = bridge.waitFor();
            if (cancel.isCancelled() || bridge.ending() == BridgeProcess.Ending.KILLED) return 0;
            fail(bridge.ending(), overall);
            if (exit != 0 || calibration == null)
                throw new PythonException(new PythonFault.BridgeFailed(python.describe(), exit, detail(error, bridge.stderr())));
            long t1 = nanos(calibration.t1().stream().mapToDouble(Double::doubleValue).min().orElseThrow());
            T1.put(key, t1);
            return t1;
        }
    }

    /** Throws the fault a watchdog ending stands for. */
    private void fail(BridgeProcess.Ending ending, Duration overall) {
        switch (ending) {
            case NATURAL, KILLED -> { }
            case SILENT -> throw new PythonException(new PythonFault.Silent(python.describe(), settings.silence().toMillis() / 1000.0));
            case TIMED_OUT -> throw new PythonException(new PythonFault.TimedOut(python.describe(), overall.toMillis() / 1000.0));
        }
    }

    private List<String> arguments(ExperimentSpec spec) {
        List<String> args = new ArrayList<>(List.of("run", "--strategy", spec.strategy().id(), "--task", spec.task().id(),
                "--tasks", Integer.toString(spec.tasks()), "--workers", Integer.toString(spec.workers()),
                "--scale", number(spec.scale()), "--switch-interval", number(spec.switchInterval().toNanos() / 1e9)));
        settings.startMethod().ifPresent(m -> args.addAll(List.of("--start-method", m)));
        return args;
    }

    /** Silence as set; overall a minute plus 30 s per task-second, far beyond any honest run, even on a loaded machine. */
    private BridgeProcess.Limits limits(ExperimentSpec spec) {
        return new BridgeProcess.Limits(settings.silence(),
                Duration.ofSeconds(60).plusMillis(Math.round(spec.tasks() * spec.scale() * 30_000)));
    }

    private Outcome cancelled(ExperimentSpec spec, Recorder recorder, ReplayClock clock, int ignored, String stderr, String startMethod) {
        long wall = clock.sinceGate();
        RunResult result = new RunResult(spec, wall, CpuTimes.ZERO, recorder.timeline(wall), List.of(), Memory.UNKNOWN,
                Ideal.nanos(spec, settings.cores(), spec.taskNanos()), spec.taskNanos(), settings.cores(),
                recorder.workerNames(), true, Machine.loadAverage());
        recorder.emit(new Event.RunFinished(result));
        return new Outcome(result, ignored, stderr, startMethod);
    }

    private static String detail(BridgeLine.Error error, String stderr) {
        String said = stderr.strip();
        if (error == null) return said;
        String exception = error.type() + ": " + error.message();
        return said.contains(exception) ? said : said.isEmpty() ? exception : said + "\n" + exception;
    }

    private static long nanos(double seconds) { return Math.max(0, Math.round(seconds * 1e9)); }

    private static String number(double d) { return String.format(Locale.ROOT, "%s", d); }

    /**
     * Replays the bridge's lines into the recorder, on the reading thread only (nothing here is
     * shared): which worker is which index, in the order they appeared, and what was said besides.
     */
    private final class Replay {
        private final ExperimentSpec spec;
        private final Recorder recorder;
        private final ReplayClock clock;
        private final int capacity;
        private final Map<String, Integer> workers = new HashMap<>();
        int ignored;
        String startMethod = "";
        BridgeLine.Result result;
        BridgeLine.Error error;

        Replay(ExperimentSpec spec, Recorder recorder, ReplayClock clock, int capacity) {
            this.spec = spec;
            this.recorder = recorder;
            this.clock = clock;
            this.capacity = capacity;
        }

        /** Handles one line; a fault means the run must stop here. */
        Optional<PythonFault> line(String text) {
            Optional<BridgeLine> parsed = BridgeLine.parse(text);
            if (parsed.isEmpty()) {
                ignored++;
                return Optional.empty();
            }
            switch (parsed.get()) {
                case BridgeLine.Hello h -> {
                    startMethod = h.startMethod();
                    if (runtime == RuntimeKind.PYTHON_FT && h.gilEnabled())
                        return Optional.of(new PythonFault.GilStillOn(python.describe()));
                }
                case BridgeLine.Gate g -> {
                    clock.gate();
                    recorder.start();
                }
                case BridgeLine.Worker w -> {
                    if (!clock.passed() || workers.containsKey(w.id()) || workers.size() >= capacity) ignored++;
                    else {
                        int index = workers.size();
                        workers.put(w.id(), index);
                        clock.at(w.t());
                        recorder.workerStarted(index, name(w), w.pid());
                    }
                }
                case BridgeLine.TaskStart s -> {
                    Integer w = worker(s.worker(), s.task());
                    if (w != null) {
                        clock.at(s.t());
                        recorder.taskStarted(w, s.task());
                    }
                }
                case BridgeLine.Progress p -> {
                    if (worker(p.worker(), p.task()) != null) recorder.progress(p.task(), p.fraction());
                }
                case BridgeLine.TaskEnd e -> {
                    Integer w = worker(e.worker(), e.task());
                    if (w != null) {
                        clock.at(e.t());
                        recorder.taskFinished(w, e.task());
                    }
                }
                case BridgeLine.Tick t -> { }
                case BridgeLine.Result r -> result = r;
                case BridgeLine.Error e -> error = e;
                case BridgeLine.Calibration c -> ignored++;
            }
            return Optional.empty();
        }

        /** The worker's index, or null (and the line counted as ignored) if the line makes no sense. */
        private Integer worker(String id, int task) {
            Integer w = workers.get(id);
            if (w == null || task < 0 || task >= spec.tasks()) {
                ignored++;
                return null;
            }
            return w;
        }

        /** As Python names it: {@code ThreadPoolExecutor-0_1}, {@code ForkProcess-2 (pid 4242)}, {@code Task-3}, {@code MainThread}. */
        private String name(BridgeLine.Worker w) {
            if (w.coroutine().isPresent()) return w.coroutine().get();
            return spec.strategy() == StrategyKind.PROCESSES ? w.thread() + " (pid " + w.pid() + ")" : w.thread();
        }

        /** Each process worker's peak memory, by worker index. */
        List<Long> childPeaks(Map<String, Long> rss) {
            if (spec.strategy() != StrategyKind.PROCESSES) return List.of();
            Long[] peaks = new Long[workers.size()];
            java.util.Arrays.fill(peaks, 0L);
            workers.forEach((id, index) -> peaks[index] = rss.getOrDefault(id, 0L));
            return List.of(peaks);
        }
    }
}
