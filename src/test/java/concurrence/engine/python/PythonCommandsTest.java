package concurrence.engine.python;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import concurrence.cli.Cli;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Python runtimes seen from the command line: check, run, and the JSON report. */
@DisplayName("Les commandes avec le runtime python")
@Timeout(120)
class PythonCommandsTest {
    private record Ran(int code, String out, String err) {}

    private static Ran cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of()).run(args);
        return new Ran(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("check montre le Python trouvé : version, chemin, build, méthode de démarrage")
    void check() {
        Interpreter py = Fakes.realPython();
        Ran r = cli("check");
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.out().contains(py.version() + "  " + py.executable()), r.out());
        assertTrue(r.out().contains("multiprocessing : " + py.startMethod()), r.out());
        assertTrue(r.out().contains("[oui] python "), r.out());
    }

    @Test
    @DisplayName("run --python /bin/false : un message clair qui nomme l'option, et le code 1")
    void badPython() {
        assumeTrue(Files.isExecutable(Path.of("/bin/false")), "no /bin/false here");
        Ran r = cli("run", "--strategy", "threads", "--task", "io", "--runtime", "python", "--scale", "0.01",
                "--python", "/bin/false", "--lang", "en");
        assertEquals(Cli.FAILED, r.code());
        assertTrue(r.err().contains("--python /bin/false: exited with code 1"), r.err());
    }

    @Test
    @DisplayName("run --format json donne pour python les mêmes champs que pour la JVM")
    void sameJsonFields() {
        Fakes.realPython();
        Ran py = cli("run", "--strategy", "threads", "--task", "io", "--runtime", "python", "--scale", "0.01", "--format", "json");
        Ran jvm = cli("run", "--strategy", "threads", "--task", "io", "--runtime", "jvm+gil", "--scale", "0.01", "--format", "json");
        assertEquals(Cli.OK, py.code(), py.err());
        assertEquals(Cli.OK, jvm.code(), jvm.err());
        JsonObject p = JsonParser.parseString(py.out()).getAsJsonObject().getAsJsonArray("results").get(0).getAsJsonObject();
        JsonObject j = JsonParser.parseString(jvm.out()).getAsJsonObject().getAsJsonArray("results").get(0).getAsJsonObject();
        assertEquals(j.keySet(), p.keySet());
        assertEquals(j.getAsJsonObject("memory").keySet(), p.getAsJsonObject("memory").keySet());
        assertEquals(j.getAsJsonObject("gil").keySet(), p.getAsJsonObject("gil").keySet());
        assertEquals(5, p.getAsJsonArray("timeline").size());
        assertTrue(p.getAsJsonArray("worker_names").get(0).getAsString().startsWith("ThreadPoolExecutor-"), p.toString());
    }
}
