package concurrence.journal;

import com.google.gson.JsonParser;
import concurrence.cli.Cli;
import concurrence.i18n.Messages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("concurrence export")
class ExportCommandTest {
    @TempDir Path tmp;

    record Outcome(int code, String out, String err) {}

    private Outcome cli(Map<String, String> env, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env)
                .run(args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Map<String, String> env() { return Map.of("XDG_STATE_HOME", tmp.toString(), "HOME", tmp.toString()); }

    @Test
    @Timeout(60)
    @DisplayName("exporte en CSV ce que « run » vient de mesurer")
    void exportsWhatRunMeasured() {
        Outcome run = cli(env(), "run", "--strategy", "sequential,threads", "--task", "io", "--scale", "0.02");
        assertEquals(0, run.code(), run.err());
        Outcome export = cli(env(), "export", "--format", "csv");
        assertEquals(0, export.code(), export.err());
        List<List<String>> rows = ExportTest.parseCsv(export.out());
        assertEquals(3, rows.size(), export.out());
        assertEquals(Export.CSV_COLUMNS, rows.get(0));
        assertEquals("run", rows.get(1).get(Export.CSV_COLUMNS.indexOf("source")));
        assertEquals("threads", rows.get(2).get(Export.CSV_COLUMNS.indexOf("strategy")));
        assertTrue(Double.parseDouble(rows.get(2).get(Export.CSV_COLUMNS.indexOf("speedup"))) > 1.5, export.out());
    }

    @Test
    @DisplayName("--output écrit le fichier et dit combien d'exécutions il contient")
    void writesTheOutputFile() throws Exception {
        Journal j = Journal.open(tmp.resolve("concurrence"), Messages.of("fr"));
        j.append(Samples.run("b", null, Samples.measurement(concurrence.engine.StrategyKind.THREADS,
                concurrence.engine.TaskKind.IO, concurrence.engine.RuntimeKind.JVM, 1.0)));
        Path file = tmp.resolve("out.json");
        Outcome o = cli(env(), "export", "--format", "json", "--output", file.toString(), "--lang", "en");
        assertEquals(0, o.code(), o.err());
        assertEquals("", o.out());
        assertTrue(o.err().contains("1 runs exported to " + file), o.err());
        assertEquals(1, JsonParser.parseString(Files.readString(file)).getAsJsonObject().getAsJsonArray("runs").size());
    }

    @Test
    @DisplayName("un format inconnu : code 2 et une ligne qui le nomme ; sans journal : code 1 et pourquoi")
    void badUsageAndNoJournal() throws Exception {
        Outcome bad = cli(env(), "export", "--format", "xlsx");
        assertEquals(2, bad.code());
        assertTrue(bad.err().lines().findFirst().orElse("").contains("« xlsx »"), bad.err());
        Files.writeString(tmp.resolve("state"), "not a directory");
        Outcome none = cli(Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), "export");
        assertEquals(1, none.code());
        assertTrue(none.err().contains(tmp.resolve("state").toString()), none.err());
    }

    @Test
    @DisplayName("une ligne abîmée est signalée, le reste est exporté")
    void damagedLineIsReported() throws Exception {
        Path dir = tmp.resolve("concurrence");
        Journal j = Journal.open(dir, Messages.of("fr"));
        Files.writeString(j.file(), "garbage\n");
        j.append(Samples.run("b", null, Samples.measurement(concurrence.engine.StrategyKind.THREADS,
                concurrence.engine.TaskKind.IO, concurrence.engine.RuntimeKind.JVM, 1.0)));
        Outcome o = cli(env(), "export", "--format", "markdown");
        assertEquals(0, o.code());
        assertTrue(o.err().contains(j.file() + ":1 : ligne abîmée"), o.err());
        assertEquals(3, o.out().lines().filter(l -> l.startsWith("|")).count(), o.out());
    }
}
