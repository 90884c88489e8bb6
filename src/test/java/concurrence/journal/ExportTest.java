package concurrence.journal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.Measurement;
import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import concurrence.i18n.Messages;
import concurrence.lesson.Block;
import concurrence.lesson.Course;
import concurrence.lesson.ExperimentDecl;
import concurrence.lesson.Lesson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("L'export du journal")
class ExportTest {
    private final Messages fr = Messages.of("fr");
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    /** Page 4 compares threads and sequential on io, with the notebook's figures; one run elsewhere, on a busy machine. */
    private static List<Entry.Run> runs() {
        Measurement threads = Samples.measurement(StrategyKind.THREADS, TaskKind.IO, RuntimeKind.JVM, 1.0);
        Measurement sequential = Samples.measurement(StrategyKind.SEQUENTIAL, TaskKind.IO, RuntimeKind.JVM, 5.0);
        Measurement cpu = Samples.measurement(StrategyKind.PROCESSES, TaskKind.CPU, RuntimeKind.JVM, 2.6, 2.5);
        PageRef page4 = new PageRef(4, "threads-io");
        return List.of(
                new Entry.Run(Instant.parse("2026-03-02T09:15:00Z"), "shell", "b1", Optional.of(page4), Samples.FACTS,
                        new Load(0.1, 0.2, 0.01), threads, Optional.empty()),
                new Entry.Run(Instant.parse("2026-03-02T09:15:06Z"), "shell", "b1", Optional.of(page4), Samples.FACTS,
                        new Load(0.1, 0.2, 0.02), sequential, Optional.of(Samples.wall(5.01))),
                new Entry.Run(Instant.parse("2026-03-02T09:20:00Z"), "run", "b2", Optional.empty(),
                        new MachineFacts(new concurrence.engine.Machine("lab, 7", 4, "Other CPU", 0, "Linux", "21"), Map.of()),
                        new Load(3.0, 3.5, 1.9), cpu, Optional.empty()));
    }

    /** A course whose page 4 gives the notebook's figure for threads: 1 s. */
    private static NotebookFigures figures() {
        var decl = new ExperimentDecl(10, ExperimentDecl.Kind.RUN, TaskKind.IO, List.of(StrategyKind.THREADS, StrategyKind.SEQUENTIAL),
                5, 5, List.of(RuntimeKind.JVM), 1, 1.0, ExperimentSpec.DEFAULT_SWITCH_INTERVAL, Set.of(),
                Map.of(StrategyKind.THREADS, Samples.wall(1.0)));
        var lesson = new Lesson(4, "threads-io", "fr", Path.of("lessons/fr/04-threads-io.md"), "Threads", "r", "", List.of(new Block.Experiment(decl)));
        return NotebookFigures.of(new Course("fr", List.of(lesson), List.of()));
    }

    @Test
    @DisplayName("en CSV : une ligne par exécution, les colonnes annoncées, le carnet et l'idéal à côté")
    void csvParsesBack() {
        String csv = Export.render(runs(), ExportFormat.CSV, fr, figures(), ZoneOffset.UTC, NOW);
        List<List<String>> rows = parseCsv(csv);
        assertEquals(Export.CSV_COLUMNS, rows.get(0));
        assertEquals(4, rows.size());
        for (List<String> row : rows) assertEquals(Export.CSV_COLUMNS.size(), row.size(), row.toString());
        Map<String, String> threads = record(rows, 1);
        assertEquals("threads", threads.get("strategy"));
        assertEquals("4", threads.get("page"));
        assertEquals("threads-io", threads.get("slug"));
        assertEquals(1.0, Double.parseDouble(threads.get("wall_s")), 1e-6);
        assertEquals(1.0, Double.parseDouble(threads.get("ideal_s")), 1e-6);
        assertEquals(1.0, Double.parseDouble(threads.get("notebook_s")), 1e-6, "from the course");
        assertEquals(5.0, Double.parseDouble(threads.get("speedup")), 1e-3, "against sequential, same batch");
        assertEquals(5.01, Double.parseDouble(record(rows, 2).get("notebook_s")), 1e-6, "kept in the line");
        Map<String, String> cpu = record(rows, 3);
        assertEquals("lab, 7", cpu.get("host"), "a comma in a field is quoted");
        assertEquals("", cpu.get("speedup"), "no sequential in its batch");
        assertEquals("true", cpu.get("busy"));
        assertEquals("false", threads.get("busy"));
    }

    @Test
    @DisplayName("en JSON : relu par Gson, avec les champs de « run --format json »")
    void jsonParsesBack() {
        String json = Export.render(runs(), ExportFormat.JSON, fr, figures(), ZoneOffset.UTC, NOW);
        JsonObject doc = JsonParser.parseString(json).getAsJsonObject();
        assertEquals(NOW.toString(), doc.get("exported").getAsString());
        JsonArray runs = doc.getAsJsonArray("runs");
        assertEquals(3, runs.size());
        JsonObject first = runs.get(0).getAsJsonObject();
        assertEquals(4, first.getAsJsonObject("page").get("number").getAsInt());
        assertEquals("lab-12", first.getAsJsonObject("machine").get("host").getAsString());
        assertEquals("3.12.1", first.getAsJsonObject("machine").getAsJsonObject("python").get("python").getAsString());
        JsonObject result = first.getAsJsonObject("result");
        assertEquals(1.0, result.get("wall_s").getAsDouble(), 1e-9);
        assertEquals(1.0, result.get("ideal_s").getAsDouble(), 1e-9);
        assertEquals(1.0, result.getAsJsonObject("notebook").get("wall_s").getAsDouble(), 1e-9);
        assertEquals(5.0, result.get("speedup").getAsDouble(), 1e-3);
        assertTrue(runs.get(2).getAsJsonObject().getAsJsonObject("load").get("busy").getAsBoolean());
        assertFalse(runs.get(2).getAsJsonObject().has("page"));
        assertEquals(2, runs.get(2).getAsJsonObject().getAsJsonObject("result").getAsJsonArray("runs").size());
    }

    @Test
    @DisplayName("en Markdown : un tableau d'une ligne par exécution, la machine chargée signalée")
    void markdownTableRows() {
        String md = Export.render(runs(), ExportFormat.MARKDOWN, fr, figures(), ZoneOffset.UTC, NOW);
        List<String> table = md.lines().filter(l -> l.startsWith("|")).toList();
        assertEquals(2 + 3, table.size(), md);
        int columns = cells(table.get(0)).size();
        assertTrue(table.get(1).matches("\\|(---\\|)+"), table.get(1));
        for (String row : table) assertEquals(columns, cells(row).size(), row);
        List<String> header = cells(table.get(0));
        List<String> threads = cells(table.get(2));
        assertEquals("2026-03-02 09:15", threads.get(header.indexOf("date")));
        assertEquals("04-threads-io", threads.get(header.indexOf("page")));
        assertEquals("1 s", threads.get(header.indexOf("carnet")));
        assertEquals("1 s", threads.get(header.indexOf("idéal")));
        assertEquals("×5,00", threads.get(header.indexOf("accélération")));
        assertTrue(cells(table.get(4)).get(header.indexOf("autres (cœurs)")).contains("⚠"), table.get(4));
        assertTrue(md.contains("lab-12 : 2 cœurs (Test CPU @ 2.0GHz)"), md);
        assertTrue(md.contains("⚠ chargée :"), md);
    }

    @Test
    @DisplayName("un journal vide s'exporte quand même : l'en-tête seul")
    void emptyJournal() {
        assertEquals(String.join(",", Export.CSV_COLUMNS) + "\n", Export.render(List.of(), ExportFormat.CSV, fr, NotebookFigures.NONE));
        assertEquals(0, JsonParser.parseString(Export.render(List.of(), ExportFormat.JSON, fr, NotebookFigures.NONE))
                .getAsJsonObject().getAsJsonArray("runs").size());
    }

    @Test
    @DisplayName("dans le dossier courant (la touche de l'application) : un nouveau fichier, jamais écrasé")
    void toFolderWritesANewFile(@TempDir Path tmp) throws IOException {
        Journal j = Journal.open(tmp.resolve("state"), fr);
        for (Entry.Run r : runs()) j.append(r);
        Export.Written first = Export.toFolder(j, tmp, ExportFormat.CSV, fr, figures());
        Export.Written second = Export.toFolder(j, tmp, ExportFormat.CSV, fr, figures());
        assertEquals(3, first.runs());
        assertTrue(first.file().getFileName().toString().matches("concurrence-export-\\d{8}-\\d{6}(-\\d+)?\\.csv"), first.file().toString());
        assertFalse(first.file().equals(second.file()));
        assertEquals(4, parseCsv(Files.readString(first.file())).size());
    }

    private static Map<String, String> record(List<List<String>> rows, int i) {
        Map<String, String> r = new java.util.HashMap<>();
        for (int c = 0; c < rows.get(0).size(); c++) r.put(rows.get(0).get(c), rows.get(i).get(c));
        return r;
    }

    private static List<String> cells(String mdRow) {
        String inner = mdRow.substring(1, mdRow.length() - 1);
        List<String> out = new ArrayList<>();
        for (String c : inner.split("(?<!\\\\)\\|", -1)) out.add(c.strip());
        return out;
    }

    /** A small RFC 4180 reader: quoted fields, doubled quotes. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { cell.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') { row.add(cell.toString()); cell.setLength(0); }
            else if (c == '\n') { row.add(cell.toString()); cell.setLength(0); rows.add(row); row = new ArrayList<>(); }
            else cell.append(c);
        }
        return rows;
    }
}
