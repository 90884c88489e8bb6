package concurrence.engine.python;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One line the bridge printed, read: the bridge's side of the protocol is described at the top of
 * {@code bridge.py}. Times {@code t} are seconds since the gate, measured by Python.
 *
 * <pre>{@code
 * BridgeLine.parse("{\"ev\":\"start\",\"w\":\"ThreadPoolExecutor-0_1\",\"t\":0.0021,\"task\":1}");
 * // Optional[TaskStart[worker=ThreadPoolExecutor-0_1, t=0.0021, task=1]]
 * BridgeLine.parse("Segmentation fault");   // Optional.empty(): a line to ignore and count
 * }</pre>
 */
sealed interface BridgeLine {

    /** The interpreter that runs the bridge, as it sees itself. */
    record Hello(PythonVersion version, boolean freeThreadedBuild, boolean gilEnabled, String startMethod, long pid)
            implements BridgeLine {}

    /** The clock starts: Python's {@code t = 0}. */
    record Gate() implements BridgeLine {}

    /** A worker exists: a thread, a process worker (its {@code thread} is the process's name) or a coroutine. */
    record Worker(String id, double t, String thread, long pid, Optional<String> coroutine) implements BridgeLine {}

    record TaskStart(String worker, double t, int task) implements BridgeLine {}

    record Progress(String worker, double t, int task, double fraction) implements BridgeLine {}

    record TaskEnd(String worker, double t, int task) implements BridgeLine {}

    /** The heartbeat, once a second. */
    record Tick(double t) implements BridgeLine {}

    /**
     * The end: the wall time around the construct; {@code os.times()} deltas (user, system,
     * children's user, children's system); the CPU the process workers said they used (user,
     * system), which counts forkserver workers that are not the bridge's children; resident
     * memory in bytes.
     */
    record Result(double wall, List<Double> times, List<Double> workersCpu, long rssBefore, long rssPeak,
                  Map<String, Long> workerRss) implements BridgeLine {
        public Result {
            times = List.copyOf(times);
            workersCpu = List.copyOf(workersCpu);
            workerRss = Map.copyOf(workerRss);
            if (times.size() != 4 || workersCpu.size() != 2 || !(wall >= 0))
                throw new IllegalArgumentException("a result has a wall time, four os.times() and two worker CPU times");
        }
    }

    /** One cpu task's CPU time in seconds, each time it was run. */
    record Calibration(List<Double> t1) implements BridgeLine {
        public Calibration {
            t1 = List.copyOf(t1);
            if (t1.isEmpty()) throw new IllegalArgumentException("a calibration has at least one run");
        }
    }

    /** An exception in Python; its traceback went to the standard error. */
    record Error(String type, String message) implements BridgeLine {}

    /** The line read, or empty if it is not one the bridge prints (garbage, or a field missing). */
    static Optional<BridgeLine> parse(String line) {
        try {
            JsonElement e = JsonParser.parseString(line);
            if (!e.isJsonObject()) return Optional.empty();
            JsonObject o = e.getAsJsonObject();
            return Optional.ofNullable(switch (o.get("ev").getAsString()) {
                case "hello" -> new Hello(PythonVersion.of(ints(o.getAsJsonArray("version"))),
                        o.get("free_threaded_build").getAsBoolean(), o.get("gil_enabled").getAsBoolean(),
                        o.get("start_method").getAsString(), o.get("pid").getAsLong());
                case "gate" -> new Gate();
                case "worker" -> new Worker(o.get("w").getAsString(), o.get("t").getAsDouble(), o.get("thread").getAsString(),
                        o.get("pid").getAsLong(), o.has("coroutine") && !o.get("coroutine").isJsonNull()
                                ? Optional.of(o.get("coroutine").getAsString()) : Optional.empty());
                case "start" -> new TaskStart(o.get("w").getAsString(), o.get("t").getAsDouble(), o.get("task").getAsInt());
                case "progress" -> new Progress(o.get("w").getAsString(), o.get("t").getAsDouble(), o.get("task").getAsInt(),
                        o.get("fraction").getAsDouble());
                case "end" -> new TaskEnd(o.get("w").getAsString(), o.get("t").getAsDouble(), o.get("task").getAsInt());
                case "tick" -> new Tick(o.get("t").getAsDouble());
                case "result" -> new Result(o.get("wall").getAsDouble(), doubles(o.getAsJsonArray("times")),
                        doubles(o.getAsJsonArray("workers_cpu")), o.get("rss_before").getAsLong(), o.get("rss_peak").getAsLong(),
                        longs(o.getAsJsonObject("worker_rss")));
                case "calibration" -> new Calibration(doubles(o.getAsJsonArray("t1")));
                case "error" -> new Error(o.get("type").getAsString(), o.get("message").getAsString());
                default -> null;
            });
        } catch (RuntimeException e) {
            // not JSON, or a field missing or of the wrong type
            return Optional.empty();
        }
    }

    private static List<Integer> ints(JsonArray a) {
        List<Integer> out = new ArrayList<>();
        for (JsonElement e : a) out.add(e.getAsInt());
        return out;
    }

    private static List<Double> doubles(JsonArray a) {
        List<Double> out = new ArrayList<>();
        for (JsonElement e : a) out.add(e.getAsDouble());
        return out;
    }

    private static Map<String, Long> longs(JsonObject o) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (var entry : o.entrySet()) out.put(entry.getKey(), entry.getValue().getAsLong());
        return out;
    }
}
