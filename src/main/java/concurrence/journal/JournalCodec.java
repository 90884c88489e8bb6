package concurrence.journal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import concurrence.engine.CpuTimes;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.Handoff;
import concurrence.engine.Machine;
import concurrence.engine.Measurement;
import concurrence.engine.Memory;
import concurrence.engine.RunResult;
import concurrence.engine.RuntimeKind;
import concurrence.engine.Span;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import concurrence.lesson.Reference;
import concurrence.report.JsonReport;
import concurrence.report.ResultTable;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One journal line to and from JSON (Gson). A run's {@code result} object is the one
 * {@code concurrence run --format json} prints ({@link JsonReport#result}), so scripts read both
 * alike; around it the line says when, where, from which page, how busy the machine was.
 *
 * <pre>{@code
 * String line = JournalCodec.encode(entry);          // one line, no newline inside
 * Entry back = JournalCodec.decode(line);            // throws BadLine naming what is wrong
 * }</pre>
 *
 * <p>A line looks like this (shortened):
 * <pre>{@code
 * {"type":"run","version":1,"date":"2026-03-02T09:15:02.114Z","source":"shell","batch":"4242-1772442902000-1",
 *  "page":{"number":4,"slug":"threads-io"},"machine":{"host":"lab-12","cores":2,...,"python":{"python":"3.12.1"}},
 *  "load":{"start":0.12,"end":0.4,"others_cores":0.03},
 *  "experiment":{"strategy":"threads","task":"io","tasks":5,"workers":5,"runtime":"jvm","scale":1.0,
 *                "switch_interval_ms":5.0,"repeat":1},"t1_s":1.0,"result":{"strategy":"threads",...,"wall_s":1.002,...}}
 * }</pre>
 */
public final class JournalCodec {
    public static final int VERSION = 1;
    /** Longer timelines (100,000 virtual threads) are not kept: a journal line stays small. */
    static final int MAX_SPANS = 2_000;

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private JournalCodec() {}

    /** What is wrong with a line that cannot be read back. */
    public static final class BadLine extends Exception {
        BadLine(String message) { super(message, null, false, false); }
    }

    public static String encode(Entry entry) {
        Map<String, Object> o = new LinkedHashMap<>();
        switch (entry) {
            case Entry.Run r -> {
                o.put("type", "run");
                o.put("version", VERSION);
                o.put("date", r.date().toString());
                o.put("source", r.source());
                o.put("batch", r.batch());
                r.page().ifPresent(p -> o.put("page", page(p)));
                Map<String, Object> machine = JsonReport.machine(r.machine().machine());
                machine.put("python", r.machine().pythonSorted());
                o.put("machine", machine);
                Map<String, Object> load = new LinkedHashMap<>();
                load.put("start", r.load().start());
                load.put("end", r.load().end());
                load.put("others_cores", r.load().othersCores());
                o.put("load", load);
                o.put("experiment", experiment(r.measurement().spec()));
                o.put("t1_s", r.measurement().last().t1Nanos() / 1e9);
                Map<String, Object> result = JsonReport.result(new ResultTable.Row(r.measurement(), r.notebook(), OptionalDouble.empty()));
                trim(result);
                o.put("result", result);
            }
            case Entry.Visit v -> {
                o.put("type", "visit");
                o.put("version", VERSION);
                o.put("date", v.date().toString());
                o.put("page", page(v.page()));
            }
        }
        return GSON.toJson(finite(o));
    }

    /** JSON has no NaN nor infinity: such a number (a division by a zero time) is written as null. */
    private static Object finite(Object value) {
        return switch (value) {
            case Double d when !Double.isFinite(d) -> null;
            case Float f when !Float.isFinite(f) -> null;
            case Map<?, ?> map -> {
                Map<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(k, finite(v)));
                yield copy;
            }
            case List<?> list -> list.stream().map(JournalCodec::finite).toList();
            case null, default -> value;
        };
    }

    private static Map<String, Object> page(PageRef p) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("number", p.number());
        o.put("slug", p.slug());
        return o;
    }

    static Map<String, Object> experiment(ExperimentSpec s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("strategy", s.strategy().id());
        o.put("task", s.task().id());
        o.put("tasks", s.tasks());
        o.put("workers", s.workers());
        o.put("runtime", s.runtime().id());
        o.put("scale", s.scale());
        o.put("switch_interval_ms", s.switchInterval().toNanos() / 1e6);
        o.put("repeat", s.repeat());
        return o;
    }

    @SuppressWarnings("unchecked")
    private static void trim(Map<String, Object> result) {
        if (result.get("timeline") instanceof List<?> t && t.size() > MAX_SPANS) {
            result.put("timeline", List.of());
            result.put("timeline_omitted", t.size());
        }
        if (result.get("gil") instanceof Map<?, ?> g && g.get("timeline") instanceof List<?> t && t.size() > MAX_SPANS) {
            ((Map<String, Object>) g).put("timeline", List.of());
            ((Map<String, Object>) g).put("timeline_omitted", t.size());
        }
    }

    /** Reads one line back; strict JSON, every field checked. */
    public static Entry decode(String line) throws BadLine {
        JsonObject o;
        try {
            JsonReader reader = new JsonReader(new StringReader(line));
            reader.setStrictness(Strictness.STRICT);
            JsonElement e = GSON.getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) throw new BadLine("text after the JSON object");
            if (!e.isJsonObject()) throw new BadLine("not a JSON object");
            o = e.getAsJsonObject();
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw new BadLine(e.getMessage() != null ? e.getMessage() : e.toString());
        }
        try {
            int version = integer(o, "version");
            if (version > VERSION) throw new BadLine("written by a newer concurrence (format version " + version + ")");
            Instant date = date(o);
            return switch (string(o, "type")) {
                case "run" -> run(o, date);
                case "visit" -> new Entry.Visit(date, page(object(o, "page")));
                default -> throw new BadLine("unknown type \"" + string(o, "type") + "\"");
            };
        } catch (IllegalArgumentException | ClassCastException | IllegalStateException | UnsupportedOperationException e) {
            throw new BadLine(e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    private static Entry.Run run(JsonObject o, Instant date) throws BadLine {
        Optional<PageRef> page = o.has("page") && !o.get("page").isJsonNull() ? Optional.of(page(object(o, "page"))) : Optional.empty();
        JsonObject mo = object(o, "machine");
        Machine machine = new Machine(string(mo, "host"), integer(mo, "cores"), string(mo, "cpu_model"),
                mo.has("memory_bytes") ? mo.get("memory_bytes").getAsLong() : 0, optString(mo, "os"), optString(mo, "jvm"));
        Map<String, String> python = new LinkedHashMap<>();
        if (mo.has("python") && mo.get("python").isJsonObject())
            for (var e : mo.getAsJsonObject("python").entrySet()) python.put(e.getKey(), e.getValue().getAsString());
        JsonObject lo = object(o, "load");
        Load load = new Load(number(lo, "start"), number(lo, "end"), lo.has("others_cores") ? number(lo, "others_cores") : -1);
        ExperimentSpec spec = spec(object(o, "experiment"));
        JsonObject r = object(o, "result");
        long t1 = o.has("t1_s") ? nanos(number(o, "t1_s")) : spec.taskNanos();
        Measurement measurement = measurement(spec, r, t1, machine.cores());
        Optional<Reference> notebook = r.has("notebook") ? Optional.of(reference(object(r, "notebook"))) : Optional.empty();
        return new Entry.Run(date, string(o, "source"), string(o, "batch"), page, new MachineFacts(machine, python), load,
                measurement, notebook);
    }

    private static ExperimentSpec spec(JsonObject e) throws BadLine {
        String s = string(e, "strategy");
        String t = string(e, "task");
        String rt = string(e, "runtime");
        return new ExperimentSpec(
                StrategyKind.parse(s).orElseThrow(() -> new BadLine("unknown strategy \"" + s + "\"")),
                TaskKind.parse(t).orElseThrow(() -> new BadLine("unknown task \"" + t + "\"")),
                integer(e, "tasks"), integer(e, "workers"),
                RuntimeKind.parse(rt).orElseThrow(() -> new BadLine("unknown runtime \"" + rt + "\"")),
                number(e, "scale"), Duration.ofNanos(Math.round(number(e, "switch_interval_ms") * 1e6)), integer(e, "repeat"));
    }

    /** The measurement again: every run's wall time, and the last run in full. */
    private static Measurement measurement(ExperimentSpec spec, JsonObject r, long t1, int cores) throws BadLine {
        long ideal = nanos(number(r, "ideal_s"));
        double loadAverage = r.has("load_average") ? number(r, "load_average") : -1;
        boolean cancelled = r.has("cancelled") && r.get("cancelled").getAsBoolean();
        List<Span> timeline = new ArrayList<>();
        for (JsonElement el : array(r, "timeline")) {
            JsonObject s = el.getAsJsonObject();
            timeline.add(new Span(integer(s, "worker"), integer(s, "task"), nanos(number(s, "start_s")), nanos(number(s, "end_s"))));
        }
        List<Handoff> handoffs = new ArrayList<>();
        if (r.has("gil") && r.get("gil").isJsonObject() && r.getAsJsonObject("gil").has("timeline"))
            for (JsonElement el : array(r.getAsJsonObject("gil"), "timeline")) {
                JsonArray h = el.getAsJsonArray();
                handoffs.add(new Handoff(h.get(0).getAsInt(), h.get(1).getAsInt(), nanos(h.get(2).getAsDouble())));
            }
        Memory memory = Memory.UNKNOWN;
        if (r.has("memory") && r.get("memory").isJsonObject()) {
            JsonObject m = r.getAsJsonObject("memory");
            List<Long> children = new ArrayList<>();
            if (m.has("child_peak_bytes")) for (JsonElement el : array(m, "child_peak_bytes")) children.add(el.getAsLong());
            memory = new Memory(m.get("parent_before_bytes").getAsLong(), m.get("parent_peak_bytes").getAsLong(), children);
        }
        List<String> names = new ArrayList<>();
        if (r.has("worker_names")) for (JsonElement el : array(r, "worker_names")) names.add(el.getAsString());
        List<Long> walls = new ArrayList<>();
        for (JsonElement el : array(r, "runs")) walls.add(nanos(el.getAsDouble()));
        if (walls.isEmpty()) throw new BadLine("no runs in \"result.runs\"");
        List<RunResult> runs = new ArrayList<>();
        for (int i = 0; i < walls.size() - 1; i++)
            runs.add(new RunResult(spec, walls.get(i), CpuTimes.ZERO, List.of(), List.of(), Memory.UNKNOWN, ideal, t1, cores,
                    List.of(), false, loadAverage));
        CpuTimes cpu = new CpuTimes(nanos(number(r, "cpu_user_s")), nanos(number(r, "cpu_sys_s")),
                nanos(number(r, "cpu_children_s")), 0);
        runs.add(new RunResult(spec, nanos(number(r, "wall_s")), cpu, timeline, handoffs, memory, ideal, t1, cores, names,
                cancelled, loadAverage));
        return new Measurement(spec, runs);
    }

    private static Reference reference(JsonObject n) {
        return new Reference(optNanos(n, "wall_s"), optNanos(n, "user_s"), optNanos(n, "sys_s"), optNanos(n, "cpu_s"),
                optNanos(n, "mean_s"), optNanos(n, "std_s"),
                n.has("runs") ? OptionalInt.of(n.get("runs").getAsInt()) : OptionalInt.empty());
    }

    private static PageRef page(JsonObject p) throws BadLine { return new PageRef(integer(p, "number"), string(p, "slug")); }

    private static Instant date(JsonObject o) throws BadLine {
        try {
            return Instant.parse(string(o, "date"));
        } catch (DateTimeParseException e) {
            throw new BadLine("bad date \"" + string(o, "date") + "\"");
        }
    }

    private static long nanos(double seconds) { return Math.round(seconds * 1e9); }

    private static OptionalLong optNanos(JsonObject o, String key) {
        return o.has(key) ? OptionalLong.of(nanos(o.get(key).getAsDouble())) : OptionalLong.empty();
    }

    private static JsonElement field(JsonObject o, String key) throws BadLine {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) throw new BadLine("missing field \"" + key + "\"");
        return e;
    }

    private static JsonObject object(JsonObject o, String key) throws BadLine {
        JsonElement e = field(o, key);
        if (!e.isJsonObject()) throw new BadLine("\"" + key + "\" is not an object");
        return e.getAsJsonObject();
    }

    private static JsonArray array(JsonObject o, String key) throws BadLine {
        JsonElement e = field(o, key);
        if (!e.isJsonArray()) throw new BadLine("\"" + key + "\" is not a list");
        return e.getAsJsonArray();
    }

    private static String string(JsonObject o, String key) throws BadLine {
        JsonElement e = field(o, key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) throw new BadLine("\"" + key + "\" is not a string");
        return e.getAsString();
    }

    private static String optString(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : "";
    }

    private static double number(JsonObject o, String key) throws BadLine {
        JsonElement e = field(o, key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw new BadLine("\"" + key + "\" is not a number");
        return e.getAsDouble();
    }

    private static int integer(JsonObject o, String key) throws BadLine {
        double d = number(o, key);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) throw new BadLine("\"" + key + "\" is not a whole number");
        return (int) d;
    }
}
