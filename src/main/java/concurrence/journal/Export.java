package concurrence.journal;

import com.google.gson.GsonBuilder;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.Measurement;
import concurrence.i18n.Messages;
import concurrence.lesson.Reference;
import concurrence.report.Columns;
import concurrence.report.CsvReport;
import concurrence.report.Durations;
import concurrence.report.JsonReport;
import concurrence.report.ResultTable;
import concurrence.report.TextReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The journal's runs as a report an instructor can gather: every run with the notebook's figure
 * and the ideal on its machine beside it, where and when it was measured, and whether the machine
 * was busy then.
 *
 * <pre>{@code
 * Journal.Contents c = journal.read();
 * String csv = Export.render(c.runs(), ExportFormat.CSV, messages, NotebookFigures.of(course));
 * Export.Written w = Export.toFolder(journal, Path.of(""), ExportFormat.MARKDOWN, messages, figures);  // the app's key
 * }</pre>
 *
 * <p>Speed-ups are computed within a batch (the strategies one experiment compared), never across
 * unrelated runs. A run's notebook figure is the one kept in its line, else the one its page gives
 * now ({@link NotebookFigures}).
 */
public final class Export {
    /** The columns of the CSV export: where and when, then {@link CsvReport#COLUMNS}, then the load. */
    public static final List<String> CSV_COLUMNS;

    static {
        List<String> c = new ArrayList<>(List.of("date", "host", "page", "slug", "source", "batch"));
        c.addAll(CsvReport.COLUMNS);
        c.addAll(List.of("load_start", "load_end", "others_cores", "busy"));
        CSV_COLUMNS = List.copyOf(c);
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private Export() {}

    /** One exported run: the journal's line, and the table row it becomes. */
    public record Line(Entry.Run run, ResultTable.Row row) {}

    /** What {@link #toFolder} wrote: the file, how many runs, and the journal's warnings (damaged lines). */
    public record Written(Path file, int runs, List<String> warnings) {
        public Written { warnings = List.copyOf(warnings); }
    }

    /** The runs in the journal's order, each with its notebook figure and its speed-up within its batch. */
    public static List<Line> lines(List<Entry.Run> runs, NotebookFigures figures) {
        Map<String, List<Entry.Run>> batches = new LinkedHashMap<>();
        for (Entry.Run r : runs) batches.computeIfAbsent(r.batch(), b -> new ArrayList<>()).add(r);
        Map<Measurement, ResultTable.Row> rows = new IdentityHashMap<>();
        for (List<Entry.Run> batch : batches.values()) {
            Map<Measurement, Optional<Reference>> notebook = new IdentityHashMap<>();
            for (Entry.Run r : batch) notebook.put(r.measurement(), figure(r, figures));
            ResultTable t = ResultTable.of(batch.get(0).machine().machine(),
                    batch.stream().map(Entry.Run::measurement).toList(), notebook::get);
            for (ResultTable.Row row : t.rows()) rows.put(row.measurement(), row);
        }
        return runs.stream().map(r -> new Line(r, rows.get(r.measurement()))).toList();
    }

    private static Optional<Reference> figure(Entry.Run r, NotebookFigures figures) {
        return r.notebook().or(() -> r.page().flatMap(p -> figures.find(p, r.measurement().spec())));
    }

    public static String render(List<Entry.Run> runs, ExportFormat format, Messages m, NotebookFigures figures) {
        return render(runs, format, m, figures, ZoneId.systemDefault(), Instant.now());
    }

    /** With the time zone dates are shown in (Markdown, table) and the export's own date. */
    public static String render(List<Entry.Run> runs, ExportFormat format, Messages m, NotebookFigures figures,
                                ZoneId zone, Instant now) {
        List<Line> lines = lines(runs, figures);
        return switch (format) {
            case CSV -> csv(lines);
            case JSON -> json(lines, now);
            case MARKDOWN -> markdown(lines, m, zone, now);
            case TABLE -> table(lines, m, zone);
        };
    }

    /**
     * Exports the whole journal into {@code folder} as {@code concurrence-export-YYYYMMDD-HHMMSS.EXT}
     * (a new file, never one that exists): what the app's export key does in the current folder.
     */
    public static Written toFolder(Journal journal, Path folder, ExportFormat format, Messages m, NotebookFigures figures)
            throws IOException {
        Journal.Contents c = journal.read();
        String text = render(c.runs(), format, m, figures);
        String stamp = java.time.LocalDateTime.now().format(STAMP);
        Path file = folder.resolve("concurrence-export-" + stamp + "." + format.extension());
        for (int n = 1; Files.exists(file); n++) file = folder.resolve("concurrence-export-" + stamp + "-" + n + "." + format.extension());
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new Written(file.toAbsolutePath(), c.runs().size(), c.warnings());
    }

    /**
     * Exports the whole journal into {@code file}, replacing it whole or not at all (written
     * aside, then moved into place).
     */
    public static Written toFile(Journal journal, Path file, ExportFormat format, Messages m, NotebookFigures figures)
            throws IOException {
        Journal.Contents c = journal.read();
        String text = render(c.runs(), format, m, figures);
        Path parent = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(parent, ".concurrence-export-", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new Written(file, c.runs().size(), c.warnings());
    }

    // ---- CSV: one line per run, RFC 4180 quoting where a field needs it

    private static String csv(List<Line> lines) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (Line l : lines) {
            Entry.Run r = l.run();
            List<String> cells = new ArrayList<>(List.of(r.date().toString(), r.machine().machine().host(),
                    r.page().map(p -> Integer.toString(p.number())).orElse(""), r.page().map(PageRef::slug).orElse(""),
                    r.source(), r.batch()));
            cells.addAll(CsvReport.cells(l.row()));
            cells.addAll(List.of(num(r.load().start()), num(r.load().end()), num(r.load().othersCores()),
                    Boolean.toString(r.load().busy(r.machine().machine().cores()))));
            StringBuilder line = new StringBuilder();
            for (String cell : cells) line.append(line.isEmpty() ? "" : ",").append(quote(cell));
            out.append(line).append('\n');
        }
        return out.toString();
    }

    static String quote(String cell) {
        if (cell.isEmpty() || cell.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')) return cell;
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    private static String num(double v) { return String.format(Locale.ROOT, "%.4f", v); }

    // ---- JSON: the run command's result object, with where, when and how busy

    private static String json(List<Line> lines, Instant now) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("exported", now.toString());
        List<Object> runs = new ArrayList<>();
        for (Line l : lines) {
            Entry.Run r = l.run();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("date", r.date().toString());
            o.put("source", r.source());
            o.put("batch", r.batch());
            r.page().ifPresent(p -> o.put("page", Map.of("number", p.number(), "slug", p.slug())));
            Map<String, Object> machine = JsonReport.machine(r.machine().machine());
            machine.put("python", r.machine().pythonSorted());
            o.put("machine", machine);
            Map<String, Object> load = new LinkedHashMap<>();
            load.put("start", r.load().start());
            load.put("end", r.load().end());
            load.put("others_cores", r.load().othersCores());
            load.put("busy", r.load().busy(r.machine().machine().cores()));
            o.put("load", load);
            o.put("experiment", JournalCodec.experiment(r.measurement().spec()));
            o.put("result", JsonReport.result(l.row()));
            runs.add(o);
        }
        doc.put("runs", runs);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues()
                .create().toJson(doc) + "\n";
    }

    // ---- Markdown: a title, the table, the machines, a note on busy machines

    private static List<String> header(Messages m) {
        List<String> h = new ArrayList<>(List.of(m.get("export.col.date"), m.get("export.col.host"), m.get("export.col.page"),
                m.get("export.col.task"), m.get("export.col.tasks"), m.get("export.col.workers"), m.get("export.col.scale")));
        h.addAll(Columns.header(m));
        h.add(m.get("export.col.load"));
        return h;
    }

    private static List<String> cells(Line l, Messages m, ZoneId zone) {
        Entry.Run r = l.run();
        ExperimentSpec s = r.measurement().spec();
        List<String> c = new ArrayList<>(List.of(LOCAL.format(r.date().atZone(zone)), r.machine().machine().host(),
                r.page().map(PageRef::toString).orElse("—"), s.task().id(), Integer.toString(s.tasks()),
                Integer.toString(s.workers()), Durations.ratio(s.scale(), m.locale())));
        c.addAll(Columns.cells(l.row(), m));
        c.add(load(r, m));
        return c;
    }

    /** Others' cores during the run (the load average at its start when unknown), flagged when busy. */
    private static String load(Entry.Run r, Messages m) {
        double shown = r.load().othersCores() >= 0 ? r.load().othersCores() : r.load().start();
        String text = shown >= 0 ? Durations.ratio(shown, m.locale()) : "?";
        return r.load().busy(r.machine().machine().cores()) ? text + " " + m.get("export.busy.mark") : text;
    }

    private static String markdown(List<Line> lines, Messages m, ZoneId zone, Instant now) {
        StringBuilder out = new StringBuilder("# ").append(m.get("export.title")).append("\n\n");
        out.append(m.get("export.summary", lines.size(), LOCAL.format(now.atZone(zone)))).append("\n\n");
        List<String> header = header(m);
        out.append(mdRow(header)).append('|').append("---|".repeat(header.size())).append('\n');
        for (Line l : lines) out.append(mdRow(cells(l, m, zone)));
        Map<String, MachineFacts> machines = new LinkedHashMap<>();
        for (Line l : lines) machines.putIfAbsent(l.run().machine().machine().host(), l.run().machine());
        if (!machines.isEmpty()) {
            out.append("\n## ").append(m.get("export.machines")).append("\n\n");
            for (MachineFacts f : machines.values()) {
                String python = f.python().isEmpty() ? m.get("export.no.python")
                        : String.join(", ", f.pythonSorted().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
                out.append("- ").append(m.get("export.machine", f.machine().host(), f.machine().cores(), f.machine().cpuModel(),
                        f.machine().jvm(), python)).append('\n');
            }
        }
        if (lines.stream().anyMatch(l -> l.run().load().busy(l.run().machine().machine().cores())))
            out.append('\n').append(m.get("export.busy.note")).append('\n');
        return out.toString();
    }

    private static String mdRow(List<String> cells) {
        StringBuilder b = new StringBuilder("|");
        for (String c : cells) b.append(' ').append(c.replace("|", "\\|")).append(" |");
        return b.append('\n').toString();
    }

    // ---- table: a narrower view for a terminal (the shell's "results")

    private static String table(List<Line> lines, Messages m, ZoneId zone) {
        List<List<String>> grid = new ArrayList<>();
        grid.add(List.of(m.get("export.col.date"), m.get("export.col.page"), m.get("export.col.task"), m.get("table.runtime"),
                m.get("table.strategy"), m.get("table.notebook"), m.get("table.wall"), m.get("table.ideal"),
                m.get("table.efficiency"), m.get("table.speedup"), m.get("export.col.load")));
        Locale l = m.locale();
        for (Line line : lines) {
            Entry.Run r = line.run();
            Measurement meas = r.measurement();
            ExperimentSpec s = meas.spec();
            grid.add(List.of(LOCAL.format(r.date().atZone(zone)), r.page().map(p -> Integer.toString(p.number())).orElse("—"),
                    s.task().id(), s.runtime().id(), s.strategy().id(),
                    line.row().notebook().map(ref -> Columns.notebook(ref, l)).orElse("—"),
                    meas.runs().size() > 1 ? Durations.format(meas.meanNanos(), l) + " ± " + Durations.format(meas.stdNanos(), l)
                            : Durations.format(meas.last().wallNanos(), l),
                    Durations.format(meas.last().idealNanos(), l), Durations.percent(meas.efficiency(), l),
                    line.row().speedup().isPresent() ? "×" + Durations.ratio(line.row().speedup().getAsDouble(), l) : "—",
                    load(r, m)));
        }
        String text = TextReport.align(grid);
        if (lines.stream().anyMatch(x -> x.run().load().busy(x.run().machine().machine().cores())))
            text += m.get("export.busy.note") + "\n";
        return text;
    }
}
