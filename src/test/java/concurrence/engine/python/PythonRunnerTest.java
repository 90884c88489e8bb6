package concurrence.engine.python;

import concurrence.engine.Board;
import concurrence.engine.Cancellation;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.RunResult;
import concurrence.engine.RuntimeKind;
import concurrence.engine.Span;
import concurrence.engine.StrategyKind;
import concurrence.engine.SystemClock;
import concurrence.engine.TaskKind;
import concurrence.journal.LoadProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The notebook's experiments on the machine's real python3, at small scales. Timing assertions
 * are ratios with wide margins, on the best of interleaved runs, since the machine is shared.
 */
@DisplayName("Le runtime python sur le vrai CPython de la machine")
@Timeout(120)
class PythonRunnerTest {
    @TempDir Path base;

    private PythonRunner runner() {
        return new PythonRunner(Fakes.realPython(), RuntimeKind.PYTHON, PythonRunner.Settings.DEFAULT.withPrivateBase(base));
    }

    private static ExperimentSpec spec(StrategyKind s, TaskKind t, double scale) {
        return ExperimentSpec.notebook(s, t).withRuntime(RuntimeKind.PYTHON).withScale(scale);
    }

    @AfterEach
    void nothingLeftBehind() throws IOException {
        try (var left = Files.list(base)) {
            assertEquals(List.of(), left.toList(), "the private directories are gone");
        }
    }

    @ParameterizedTest(name = "{0} sur des tâches {1}")
    @CsvSource({"SEQUENTIAL, IO", "THREADS, IO", "PROCESSES, IO", "ASYNCIO, IO",
            "SEQUENTIAL, CPU", "THREADS, CPU", "PROCESSES, CPU", "ASYNCIO, CPU"})
    @DisplayName("chaque stratégie, io et cpu : cinq tâches, chacune une fois, sur des workers nommés comme Python les nomme")
    void eachStrategy(StrategyKind strategy, TaskKind task) throws InterruptedException {
        ExperimentSpec spec = spec(strategy, task, 0.05);
        Board board = new Board(SystemClock.INSTANCE);
        PythonRunner.Outcome out = runner().execute(spec, board, new Cancellation());
        RunResult r = out.result();

        assertFalse(r.cancelled());
        assertEquals(0, out.ignoredLines(), out.stderr());
        assertEquals(List.of(0, 1, 2, 3, 4), r.timeline().stream().map(Span::task).sorted().toList());
        for (Span s : r.timeline()) assertTrue(s.endNanos() <= r.wallNanos() + 5_000_000, s + " within " + r.wallNanos());
        String names = String.join(",", r.workerNames());
        String expected = switch (strategy) {
            case SEQUENTIAL -> "MainThread";
            case THREADS -> "ThreadPoolExecutor-\\d+_\\d+";
            case PROCESSES -> "\\w*Process-\\d+ \\(pid \\d+\\)";
            case ASYNCIO -> "Task-\\d+";
            case VIRTUAL_THREADS -> "";
        };
        for (int w = 0; w < r.timeline().stream().mapToInt(Span::worker).max().orElse(0); w++)
            assertTrue(r.workerNames().get(w).matches(expected), names);
        if (task == TaskKind.IO) {
            assertTrue(r.wallNanos() >= r.idealNanos() * 0.97, "no faster than the sleeps: " + r.wallNanos() + " vs " + r.idealNanos());
        } else {
            long cpu = r.cpu().totalNanos() + r.cpu().childrenNanos();
            assertTrue(cpu > 0, "the squares cost CPU: " + r.cpu());
            assertTrue(r.t1Nanos() > 0);
        }
        if (strategy == StrategyKind.PROCESSES) assertEquals(5, r.memory().childPeakBytes().size(), r.memory().toString());
        // Python's own memory, not the JVM's that started it (getrusage would report that one's peak).
        assertTrue(r.memory().parentBeforeBytes() > 0 && r.memory().parentBeforeBytes() < 80L << 20, r.memory().toString());
        assertTrue(r.memory().parentPeakBytes() >= r.memory().parentBeforeBytes(), r.memory().toString());
        var snapshot = board.sample(10);
        assertTrue(snapshot.result().isPresent());
        assertEquals(5, snapshot.tasksDone());
    }

    @Test
    @DisplayName("le GIL : cinq threads de calcul ne vont pas plus vite que le séquentiel, et n'occupent qu'un cœur")
    void theGil() throws InterruptedException {
        PythonRunner runner = runner();
        List<Double> ratios = new ArrayList<>();
        List<Double> coresUsed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {     // interleaved pairs: a neighbour's burst spoils a pair, not the median
            long sequential = runner.run(spec(StrategyKind.SEQUENTIAL, TaskKind.CPU, 0.3), e -> {}, new Cancellation()).wallNanos();
            RunResult threads = runner.run(spec(StrategyKind.THREADS, TaskKind.CPU, 0.3), e -> {}, new Cancellation());
            ratios.add(threads.wallNanos() / (double) sequential);
            coresUsed.add(threads.cpu().totalNanos() / (double) threads.wallNanos());
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        assertTrue(sorted.get(2) >= 0.85, "threads / sequential, pair by pair: " + ratios);
        // Under the GIL the process computes on one core at a time: its CPU time is at most about its wall time.
        for (double c : coresUsed) assertTrue(c <= 1.25, "cores busy during threads: " + coresUsed);
    }

    @Test
    @DisplayName("des processus de calcul vont plus vite que le séquentiel sur deux cœurs libres")
    void processesUseTheCores() throws InterruptedException {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "a single core: processes cannot overlap");
        PythonRunner runner = runner();
        long sequential = Long.MAX_VALUE;
        long processes = Long.MAX_VALUE;
        List<String> busy = new ArrayList<>();
        // Interleaved pairs, best of each so far, until processes show what two cores can do (or 10
        // pairs). A pair during which other programs kept a core busy says nothing about two free
        // cores: it is left out (on this shared machine, someone else's cpu experiment does that).
        for (int i = 0; i < 10 && processes > 0.8 * sequential; i++) {
            LoadProbe probe = LoadProbe.start();
            long s = runner.run(spec(StrategyKind.SEQUENTIAL, TaskKind.CPU, 0.5), e -> {}, new Cancellation()).wallNanos();
            long p = runner.run(spec(StrategyKind.PROCESSES, TaskKind.CPU, 0.5), e -> {}, new Cancellation()).wallNanos();
            double others = probe.stop().othersCores();
            if (others > 0.5) {
                busy.add("%.1f".formatted(others));
                continue;
            }
            sequential = Math.min(sequential, s);
            processes = Math.min(processes, p);
        }
        assumeTrue(sequential < Long.MAX_VALUE, "other programs kept a core busy during every try (cores used by others: " + busy + ")");
        assertTrue(processes <= 0.8 * sequential, "processes " + processes + " ns against sequential " + sequential
                + " ns (tries left out, others busy: " + busy + ")");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fork", "forkserver", "spawn"})
    @DisplayName("les processus marchent avec chaque méthode de démarrage, et leur CPU est compté")
    void everyStartMethod(String method) throws InterruptedException {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "fork and forkserver are Linux's");
        PythonRunner runner = new PythonRunner(Fakes.realPython(), RuntimeKind.PYTHON,
                PythonRunner.Settings.DEFAULT.withPrivateBase(base).withStartMethod(method));
        PythonRunner.Outcome out = runner.execute(spec(StrategyKind.PROCESSES, TaskKind.CPU, 0.05).withTasks(4).withWorkers(2),
                e -> {}, new Cancellation());
        assertEquals(method, out.startMethod());
        assertEquals(4, out.result().timeline().size());
        assertTrue(out.result().workerNames().get(0).matches(switch (method) {
            case "fork" -> "ForkProcess-\\d+ \\(pid \\d+\\)";
            case "forkserver" -> "ForkServerProcess-\\d+ \\(pid \\d+\\)";
            default -> "SpawnProcess-\\d+ \\(pid \\d+\\)";
        }), out.result().workerNames().toString());
        assertTrue(out.result().cpu().childrenNanos() > 0, "the workers' CPU: " + out.result().cpu());
    }

    @Test
    @DisplayName("l'intervalle de bascule demandé est celui de sys.setswitchinterval, et le temps est celui de Python")
    void switchIntervalAndPythonTime() throws InterruptedException {
        ExperimentSpec spec = spec(StrategyKind.THREADS, TaskKind.IO, 0.05).withSwitchInterval(java.time.Duration.ofMillis(1));
        RunResult r = runner().run(spec, e -> {}, new Cancellation());
        // One round of five sleeps of 50 ms: Python's own measure, not the JVM's (which would add the interpreter's start).
        assertTrue(r.wallNanos() < 50_000_000L + 40_000_000L, "wall " + r.wallNanos());
    }
}
