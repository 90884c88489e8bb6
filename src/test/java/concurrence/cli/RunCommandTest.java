package concurrence.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("concurrence run")
class RunCommandTest {
    record Outcome(int code, String out, String err) {}

    static Outcome cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of())
                .run(args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--strategy thread --task io | --strategy | « thread »",
            "--strategy threads --task io --tasks 0 | --tasks | « 0 »",
            "--strategy threads --task io --workers -1 | --workers | « -1 »",
            "--strategy threads --task io --scale abc | --scale | « abc »",
            "--strategy threads --task io --tasks 99999999 | --tasks | 100000",
            "--strategy processes --task io --workers 500 | --workers | 64",
            "--strategy threads --task disk | --task | « disk »",
            "--strategy threads --task io --runtime pypy | --runtime | « pypy »",
            "--strategy threads --task io --format xml | --format | « xml »",
            "--task io | --strategy | obligatoire",
            "--strategy threads --task io --frobnicate | --frobnicate | inconnue",
    })
    @DisplayName("une option fautive : une ligne claire qui la nomme, l'usage, et le code 2")
    void badOptionsExitTwo(String args, String option, String detail) {
        Outcome o = cli(("run " + args).split(" "));
        assertEquals(2, o.code(), o.err());
        String first = o.err().lines().findFirst().orElse("");
        assertTrue(first.contains(option) && first.contains(detail), first);
        assertTrue(o.err().contains("Usage"), o.err());
    }

    @Test
    @DisplayName("en anglais avec --lang en")
    void englishMessages() {
        Outcome o = cli("run", "--strategy", "threads", "--task", "io", "--tasks", "zero", "--lang", "en");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("is not a whole number"), o.err());
    }

    @Test
    @Timeout(60)
    @DisplayName("--format json : un document avec les noms de champs que les scripts lisent")
    void jsonHasTheDocumentedFields() {
        Outcome o = cli("run", "--strategy", "sequential,threads", "--task", "io", "--scale", "0.02", "--repeat", "2",
                "--runtime", "jvm+gil", "--format", "json");
        assertEquals(0, o.code(), o.err());
        JsonObject doc = JsonParser.parseString(o.out()).getAsJsonObject();
        assertEquals(Runtime.getRuntime().availableProcessors(), doc.getAsJsonObject("machine").get("cores").getAsInt());
        var results = doc.getAsJsonArray("results");
        assertEquals(2, results.size());
        JsonObject threads = results.get(1).getAsJsonObject();
        for (String field : new String[] {"strategy", "runtime", "task", "tasks", "workers", "scale", "wall_s", "cpu_user_s",
                "cpu_sys_s", "cpu_children_s", "ideal_s", "efficiency", "runs", "mean_s", "std_s", "timeline", "gil"})
            assertTrue(threads.has(field), field + " in " + threads.keySet());
        assertEquals("threads", threads.get("strategy").getAsString());
        assertEquals("jvm+gil", threads.get("runtime").getAsString());
        assertEquals(2, threads.getAsJsonArray("runs").size());
        assertEquals(5, threads.getAsJsonArray("timeline").size());
        assertEquals(5.0, threads.getAsJsonObject("gil").get("switch_interval_ms").getAsDouble(), 1e-9);
        assertTrue(threads.get("speedup").getAsDouble() > 1.5, "threads beat sequential on io: " + threads.get("speedup"));
    }

    @Test
    @Timeout(60)
    @DisplayName("le tableau lisible montre l'idéal, l'efficacité et la ligne %timeit")
    void readableTable() {
        Outcome o = cli("run", "--strategy", "threads", "--task", "io", "--scale", "0.02", "--repeat", "3");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("idéal") && o.out().contains("efficacité"), o.out());
        assertTrue(o.out().contains("par boucle (moyenne ± écart-type sur 3 exécutions, 1 boucle chacune)"), o.out());
    }

    @Test
    @DisplayName("une commande inconnue : code 2")
    void unknownCommand() {
        Outcome o = cli("frobnicate");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("frobnicate"));
    }
}
