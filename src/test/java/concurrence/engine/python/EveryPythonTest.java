package concurrence.engine.python;

import concurrence.engine.Cancellation;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.RunResult;
import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The bridge on every CPython installed on this machine (pyenv's, the system's): those from 3.8 on
 * run the notebook's constructs, with spawn too; older ones are set aside as too old.
 */
@DisplayName("Le pont sur chaque CPython installé")
@Timeout(300)
class EveryPythonTest {
    @TempDir Path base;

    private static List<Path> installed() throws IOException {
        List<Path> out = new ArrayList<>();
        Path pyenv = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        if (Files.isDirectory(pyenv))
            try (Stream<Path> versions = Files.list(pyenv)) {
                versions.map(v -> v.resolve("bin").resolve("python3")).filter(Files::isExecutable).sorted().forEach(out::add);
            }
        Path system = Path.of("/usr/bin/python3");
        if (Files.isExecutable(system)) out.add(system);
        return out;
    }

    @Test
    @DisplayName("de 3.8 à aujourd'hui : séquentiel cpu et processus io par spawn ; avant 3.8 : trop ancien")
    void each() throws Exception {
        List<Path> pythons = installed();
        assumeFalse(pythons.isEmpty(), "no CPython installed under ~/.pyenv/versions or in /usr/bin");
        PythonFinder finder = new PythonFinder(Map.of(), Duration.ofSeconds(20));
        List<String> ran = new ArrayList<>();
        for (Path p : pythons) {
            Probe probe = finder.probe(new PythonFinder.Candidate(new Interpreter.Origin(Interpreter.Origin.Kind.OPTION, p.toString()), p));
            switch (probe) {
                case Probe.Rejected r -> {
                    if (r.fault() instanceof PythonFault.TooOld old) {
                        List<Integer> parts = Stream.of(old.version().split("\\.")).map(Integer::parseInt).toList();
                        assertFalse(PythonVersion.of(parts).atLeast(PythonVersion.MINIMUM), old.toString());
                    } else {
                        assertTrue(r.fault() instanceof PythonFault.Crashed, p + ": " + r.fault());   // a 2.x without -E/-s, say
                    }
                }
                case Probe.Found f -> {
                    Interpreter py = f.interpreter();
                    if (py.freeThreadedBuild()) continue;
                    PythonRunner runner = new PythonRunner(py, RuntimeKind.PYTHON,
                            PythonRunner.Settings.DEFAULT.withPrivateBase(base).withStartMethod("spawn"));
                    for (StrategyKind s : List.of(StrategyKind.SEQUENTIAL, StrategyKind.PROCESSES)) {
                        TaskKind t = s == StrategyKind.SEQUENTIAL ? TaskKind.CPU : TaskKind.IO;
                        ExperimentSpec spec = ExperimentSpec.notebook(s, t).withRuntime(RuntimeKind.PYTHON).withScale(0.02).withTasks(3).withWorkers(2);
                        RunResult r = runner.run(spec, e -> {}, new Cancellation());
                        assertEquals(3, r.timeline().size(), py + " " + s);
                    }
                    ran.add(py.version().toString());
                }
            }
        }
        assertFalse(ran.isEmpty(), "at least one Python ran: " + pythons);
        try (var left = Files.list(base)) {
            assertEquals(0, left.count());
        }
    }
}
