package concurrence.engine.python;

import concurrence.engine.Cancellation;
import concurrence.engine.Event;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.RunResult;
import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What goes wrong with a Python, and how the runner takes it: a clear fault, and nothing left behind. */
@DisplayName("Les pannes du runtime python")
@Timeout(60)
class PythonFaultsTest {
    @TempDir Path base;
    @TempDir Path fakes;

    private PythonRunner.Settings settings() { return PythonRunner.Settings.DEFAULT.withPrivateBase(base); }

    private static ExperimentSpec spec(StrategyKind s, TaskKind t, double scale) {
        return ExperimentSpec.notebook(s, t).withRuntime(RuntimeKind.PYTHON).withScale(scale);
    }

    @AfterEach
    void nothingLeftBehind() throws IOException {
        try (var left = Files.list(base)) {
            assertEquals(List.of(), left.toList(), "the private directories are gone");
        }
    }

    @Test
    @DisplayName("un Python qui s'arrête au milieu : l'erreur dit son code et ce qu'il a écrit")
    void crashMidway() throws IOException {
        Path fake = Fakes.script(fakes, "python3", "echo '{\"ev\":\"gate\",\"t\":0}'\n"
                + "echo 'Traceback (most recent call last):' >&2\necho 'MemoryError: out of squares' >&2\nexit 1");
        var e = assertThrows(PythonException.class, () ->
                new PythonRunner(Fakes.interpreter(fake), RuntimeKind.PYTHON, settings()).run(spec(StrategyKind.THREADS, TaskKind.IO, 0.01), x -> {}, new Cancellation()));
        var failed = assertInstanceOf(PythonFault.BridgeFailed.class, e.fault());
        assertEquals(1, failed.exitCode());
        assertTrue(failed.detail().contains("MemoryError: out of squares"), failed.detail());
        assertTrue(failed.who().contains(fake.toString()));
    }

    @Test
    @DisplayName("une exception dans le vrai Python : son type et son message remontent")
    void realException() {
        PythonRunner runner = new PythonRunner(Fakes.realPython(), RuntimeKind.PYTHON, settings().withStartMethod("bogus"));
        var e = assertThrows(PythonException.class, () -> runner.run(spec(StrategyKind.PROCESSES, TaskKind.IO, 0.01), x -> {}, new Cancellation()));
        var failed = assertInstanceOf(PythonFault.BridgeFailed.class, e.fault());
        assertTrue(failed.detail().contains("ValueError"), failed.detail());
        assertTrue(failed.detail().contains("bogus"), failed.detail());
    }

    @Test
    @DisplayName("des lignes incompréhensibles sont ignorées et comptées ; la mesure est faite quand même")
    void garbage() throws Exception {
        Path real = Fakes.realPython().executable();
        Path fake = Fakes.script(fakes, "python3", "echo 'Warning: this is not JSON'\necho '{\"ev\":\"start\",\"w\":\"nobody\",\"t\":0.1,\"task\":0}'\n"
                + "exec " + real + " \"$@\"");
        var out = new PythonRunner(Fakes.interpreter(fake), RuntimeKind.PYTHON, settings())
                .execute(spec(StrategyKind.THREADS, TaskKind.IO, 0.02), x -> {}, new Cancellation());
        assertEquals(2, out.ignoredLines());
        assertEquals(5, out.result().timeline().size());
        assertFalse(out.result().cancelled());
    }

    @Test
    @DisplayName("un Python qui se tait est arrêté au bout du délai, avec ses processus")
    void silence() throws IOException, InterruptedException {
        Path pid = fakes.resolve("pid");
        Path fake = Fakes.script(fakes, "python3", "echo $$ > " + pid + "\nexec sleep 60");
        long t0 = System.nanoTime();
        var e = assertThrows(PythonException.class, () -> new PythonRunner(Fakes.interpreter(fake), RuntimeKind.PYTHON,
                settings().withSilence(Duration.ofMillis(1500))).run(spec(StrategyKind.THREADS, TaskKind.IO, 0.01), x -> {}, new Cancellation()));
        assertEquals(1.5, assertInstanceOf(PythonFault.Silent.class, e.fault()).seconds());
        assertTrue(System.nanoTime() - t0 < 15_000_000_000L);
        long sleeper = Long.parseLong(Files.readString(pid).strip());
        assertTrue(Fakes.stopped(sleeper), "the silent Python was killed");
    }

    @Test
    @DisplayName("un Python qui bavarde sans fin est arrêté à l'échéance")
    void overall() throws Exception {
        Path fake = Fakes.script(fakes, "python3", "while true; do echo '{\"ev\":\"tick\",\"t\":0}'; sleep 0.1; done");
        try (BridgeProcess bridge = BridgeProcess.start(Fakes.interpreter(fake), false, List.of(),
                new BridgeProcess.Limits(Duration.ofSeconds(10), Duration.ofMillis(1200)), Optional.of(base))) {
            int lines = 0;
            while (bridge.readLine() != null) lines++;
            bridge.waitFor();
            assertEquals(BridgeProcess.Ending.TIMED_OUT, bridge.ending());
            assertTrue(lines >= 3, "it was talking: " + lines);
        }
    }

    @Test
    @DisplayName("annuler tue tout l'arbre : le pont et chaque processus du pool")
    void cancelKillsTheTree() throws Exception {
        PythonRunner runner = new PythonRunner(Fakes.realPython(), RuntimeKind.PYTHON, settings());
        List<Long> pids = new CopyOnWriteArrayList<>();
        CountDownLatch running = new CountDownLatch(2);
        Cancellation cancel = new Cancellation();
        try (var pool = Executors.newSingleThreadExecutor()) {
            Future<RunResult> run = pool.submit(() -> runner.run(spec(StrategyKind.PROCESSES, TaskKind.IO, 5), e -> {
                if (e instanceof Event.WorkerStarted w) pids.add(w.pid());
                if (e instanceof Event.TaskStarted) running.countDown();
            }, cancel));
            assertTrue(running.await(40, TimeUnit.SECONDS), "two tasks started");
            long t0 = System.nanoTime();
            cancel.cancel();
            RunResult r = run.get(20, TimeUnit.SECONDS);
            assertTrue(r.cancelled());
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "the cancel took effect at once");
        }
        assertFalse(pids.isEmpty());
        for (long pid : pids) assertTrue(Fakes.stopped(pid), "worker " + pid + " stopped");
    }

    @Test
    @DisplayName("le pont s'en va quand son entrée standard se ferme, et ses processus avec lui")
    void stdinClosed() throws Exception {
        Interpreter py = Fakes.realPython();
        try (RunDirectory dir = RunDirectory.create(Optional.of(base), Map.of())) {
            Process bridge = new ProcessBuilder(py.executable().toString(), "-I", "-B", dir.script().toString(), "run",
                    "--strategy", "processes", "--task", "io", "--tasks", "3", "--workers", "3", "--scale", "10")
                    .directory(dir.path().toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                List<Long> workers = new java.util.ArrayList<>();
                var out = new BufferedReader(new InputStreamReader(bridge.getInputStream(), StandardCharsets.UTF_8));
                for (String line; workers.size() < 3 && (line = out.readLine()) != null; )
                    if (BridgeLine.parse(line).orElse(null) instanceof BridgeLine.Worker w) workers.add(w.pid());
                assertEquals(3, workers.size());
                bridge.getOutputStream().close();
                assertTrue(bridge.waitFor(5, TimeUnit.SECONDS), "the bridge exited");
                for (long pid : workers) assertTrue(Fakes.stopped(pid), "worker " + pid + " stopped with its parent");
            } finally {
                ProcessTree.killAndWait(bridge.toHandle(), 2_000);
            }
        }
    }

    @Test
    @DisplayName("les threads virtuels n'existent pas en Python : refusés, sans rien lancer")
    void virtualThreads() {
        var e = assertThrows(PythonException.class, () -> new PythonRunner(Fakes.realPython(), RuntimeKind.PYTHON, settings())
                .run(spec(StrategyKind.VIRTUAL_THREADS, TaskKind.IO, 0.01), x -> {}, new Cancellation()));
        assertEquals(new PythonFault.Unsupported("virtual-threads"), e.fault());
    }

    @Test
    @DisplayName("python-ft lance le build free-threaded avec -X gil=0, et refuse un GIL resté actif")
    void freeThreadedWithTheGilOn() throws IOException {
        Path args = fakes.resolve("args");
        Path fake = Fakes.script(fakes, "python3.13t", "echo \"$@\" > " + args + "\n"
                + "echo '{\"ev\":\"hello\",\"protocol\":1,\"version\":[3,13,1],\"implementation\":\"cpython\",\"executable\":\"x\",\"pid\":1,"
                + "\"free_threaded_build\":true,\"gil_enabled\":true,\"start_method\":\"fork\",\"switch_interval\":0.005}'\nexec sleep 30");
        Interpreter ft = new Interpreter(new Interpreter.Origin(Interpreter.Origin.Kind.PATH, "python3.13t"), fake, fake,
                new PythonVersion(3, 13, 1), "cpython", true, false, "fork");
        var e = assertThrows(PythonException.class, () -> new PythonRunner(ft, RuntimeKind.PYTHON_FT, settings())
                .run(spec(StrategyKind.THREADS, TaskKind.IO, 0.01).withRuntime(RuntimeKind.PYTHON_FT), x -> {}, new Cancellation()));
        assertInstanceOf(PythonFault.GilStillOn.class, e.fault());
        assertTrue(Files.readString(args).startsWith("-I -B -X gil=0 "), Files.readString(args));
    }
}
