package concurrence.engine.python;

import concurrence.engine.RuntimeKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("La recherche des Pythons")
@Timeout(60)
class PythonFinderTest {
    @TempDir Path dir;

    private Probe probeOnly(Path fake, Duration timeout) {
        Pythons p = Fakes.finder(dir.resolve("empty"), timeout, Map.of()).search(Optional.of(fake));
        assertEquals(1, p.probes().size(), "only the --python candidate: " + p.probes());
        return p.probes().get(0);
    }

    @Test
    @DisplayName("trouve le vrai python3 de la machine et le décrit")
    void findsTheRealPython() {
        Interpreter py = Fakes.realPython();
        assertTrue(py.version().atLeast(PythonVersion.MINIMUM), py.toString());
        assertTrue(Files.isExecutable(py.executable()), py.toString());
        assertTrue(List.of("fork", "forkserver", "spawn").contains(py.startMethod()), py.startMethod());
        assertFalse(py.freeThreadedBuild());
        assertTrue(py.gilEnabledNow());
    }

    @Nested
    @DisplayName("écarte, en disant pourquoi et sans planter,")
    class Rejects {
        @Test
        @DisplayName("un programme qui s'arrête en erreur, avec ce qu'il a dit")
        void aCrash() throws IOException {
            Path fake = Fakes.script(dir, "python3", "echo 'Fatal Python error: boom' >&2; exit 3");
            var r = assertInstanceOf(Probe.Rejected.class, probeOnly(fake, Duration.ofSeconds(10)));
            var crash = assertInstanceOf(PythonFault.Crashed.class, r.fault());
            assertEquals(3, crash.exitCode());
            assertEquals("Fatal Python error: boom", crash.stderr());
            assertTrue(crash.who().contains(fake.toString()), crash.who());
        }

        @Test
        @DisplayName("un programme qui ne répond pas, tué au bout du délai")
        void aHang() throws Exception {
            Path pid = dir.resolve("pid");
            Path fake = Fakes.script(dir, "python3", "echo $$ > " + pid + "; exec sleep 60");
            long t0 = System.nanoTime();
            var r = assertInstanceOf(Probe.Rejected.class, probeOnly(fake, Duration.ofMillis(1500)));
            assertInstanceOf(PythonFault.Hung.class, r.fault());
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "the probe gave up after its timeout");
            long hung = Long.parseLong(Files.readString(pid).strip());
            assertTrue(Fakes.stopped(hung), "the hung program was killed");
        }

        @Test
        @DisplayName("un programme qui écrit n'importe quoi")
        void garbage() throws IOException {
            Path fake = Fakes.script(dir, "python3", "echo 'Hello, world'; echo '{not json'");
            var r = assertInstanceOf(Probe.Rejected.class, probeOnly(fake, Duration.ofSeconds(10)));
            var notPython = assertInstanceOf(PythonFault.NotPython.class, r.fault());
            assertTrue(notPython.output().startsWith("Hello, world"), notPython.output());
        }

        @Test
        @DisplayName("un Python trop ancien")
        void tooOld() throws IOException {
            Path fake = Fakes.script(dir, "python3", Fakes.probeAnswer("3.6.15", false, ""));
            var r = assertInstanceOf(Probe.Rejected.class, probeOnly(fake, Duration.ofSeconds(10)));
            assertEquals("3.6.15", assertInstanceOf(PythonFault.TooOld.class, r.fault()).version());
        }

        @Test
        @DisplayName("un fichier qui n'existe pas, ou qu'on ne peut pas lancer")
        void missingOrNotExecutable() throws IOException {
            assertInstanceOf(PythonFault.Missing.class,
                    assertInstanceOf(Probe.Rejected.class, probeOnly(dir.resolve("nope"), Duration.ofSeconds(5))).fault());
            Path text = Files.writeString(dir.resolve("python3.txt"), "print('hi')");
            assertInstanceOf(PythonFault.NotExecutable.class,
                    assertInstanceOf(Probe.Rejected.class, probeOnly(text, Duration.ofSeconds(5))).fault());
        }

        @Test
        @DisplayName("/bin/false donné avec --python : aucun runtime Python, et la raison le nomme")
        void binFalse() {
            Path f = Path.of("/bin/false");
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(f), "no /bin/false here");
            Pythons p = Fakes.finder(dir, Duration.ofSeconds(10), Map.of()).search(Optional.of(f));
            assertTrue(p.interpreterFor(RuntimeKind.PYTHON).isEmpty());
            var crash = assertInstanceOf(PythonFault.Crashed.class, p.whyNot(RuntimeKind.PYTHON).orElseThrow());
            assertEquals("--python /bin/false", crash.who());
        }
    }

    @Nested
    @DisplayName("dans le PATH")
    class OnPath {
        @Test
        @DisplayName("essaie python3, puis python3.N du plus récent au plus ancien, puis python3.Nt ; ignore le reste")
        void order() throws IOException {
            for (String name : List.of("python3.9", "python3.13t", "python3.12", "python3", "python3-config", "python3.12m", "python2"))
                Fakes.script(dir, name, Fakes.probeAnswer("3.12.1", name.endsWith("t"), dir.resolve(name).toString()));
            Pythons p = Fakes.finder(dir, Duration.ofSeconds(10), Map.of()).search(Optional.empty());
            assertEquals(List.of("python3", "python3.12", "python3.9", "python3.13t"),
                    p.probes().stream().map(x -> x.origin().name()).toList());
            assertEquals("python3", p.interpreterFor(RuntimeKind.PYTHON).orElseThrow().origin().name());
            assertEquals("python3.13t", p.interpreterFor(RuntimeKind.PYTHON_FT).orElseThrow().origin().name());
        }

        @Test
        @DisplayName("garde une seule fois le même interpréteur vu sous deux noms")
        void sameInterpreterOnce() throws IOException {
            Path real = dir.resolve("real-python");
            Fakes.script(dir, "real-python", Fakes.probeAnswer("3.11.7", false, real.toString()));
            Fakes.script(dir, "python3", "exec " + real + " \"$@\"");
            Fakes.script(dir, "python3.11", "exec " + real + " \"$@\"");
            Pythons p = Fakes.finder(dir, Duration.ofSeconds(10), Map.of()).search(Optional.empty());
            assertEquals(1, p.found().size(), p.found().toString());
            assertEquals("python3", p.found().get(0).origin().name());
        }

        @Test
        @DisplayName("sans aucun Python, dit qu'il n'y en a pas, pour chaque runtime")
        void none() {
            Pythons p = Fakes.finder(dir, Duration.ofSeconds(10), Map.of()).search(Optional.empty());
            assertEquals(new PythonFault.NoneFound(RuntimeKind.PYTHON), p.whyNot(RuntimeKind.PYTHON).orElseThrow());
            assertEquals(new PythonFault.NoneFound(RuntimeKind.PYTHON_FT), p.whyNot(RuntimeKind.PYTHON_FT).orElseThrow());
        }
    }

    @Nested
    @DisplayName("un Python choisi")
    class Chosen {
        @Test
        @DisplayName("avec CONCURRENCE_PYTHON passe avant le PATH, pour le runtime qui convient à son build")
        void environment() throws IOException {
            Path ft = dir.resolve("mine").resolve("python3.13t");
            Files.createDirectories(ft.getParent());
            Fakes.script(ft.getParent(), "python3.13t", Fakes.probeAnswer("3.13.1", true, ft.toString()));
            Fakes.script(dir, "python3", Fakes.probeAnswer("3.11.7", false, dir.resolve("python3").toString()));
            Pythons p = Fakes.finder(dir, Duration.ofSeconds(10), Map.of("CONCURRENCE_PYTHON", ft.toString())).search(Optional.empty());
            assertEquals(ft, p.interpreterFor(RuntimeKind.PYTHON_FT).orElseThrow().path());
            assertEquals(dir.resolve("python3"), p.interpreterFor(RuntimeKind.PYTHON).orElseThrow().path(),
                    "the GIL runtime still comes from the PATH");
        }

        @Test
        @DisplayName("avec --python d'un build qui ne convient pas : refusé, en disant pourquoi")
        void wrongBuild() throws IOException {
            Path gil = Fakes.script(dir, "python3", Fakes.probeAnswer("3.11.7", false, dir.resolve("python3").toString()));
            Pythons p = Fakes.finder(dir, Duration.ofSeconds(10), Map.of()).search(Optional.of(gil));
            assertTrue(p.interpreterFor(RuntimeKind.PYTHON).isPresent());
            var wrong = assertInstanceOf(PythonFault.WrongBuild.class, p.whyNot(RuntimeKind.PYTHON_FT).orElseThrow());
            assertFalse(wrong.freeThreaded());
        }
    }
}
