package concurrence.report;

import com.google.gson.GsonBuilder;
import concurrence.engine.Handoff;
import concurrence.engine.Machine;
import concurrence.engine.Measurement;
import concurrence.engine.RunResult;
import concurrence.engine.Span;
import concurrence.i18n.Messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results as one JSON document, with the field names scripts rely on:
 * {@code {"machine": {...}, "results": [{"strategy", "runtime", "task", "tasks", "workers", "scale",
 * "wall_s", "cpu_user_s", "cpu_sys_s", "cpu_children_s", "ideal_s", "efficiency", "runs", "mean_s",
 * "std_s", "timeline", "gil"}]}}.
 *
 * <pre>{@code
 * String json = new JsonReport().render(table, messages);
 * }</pre>
 */
public final class JsonReport implements ReportFormat {
    @Override public String id() { return "json"; }

    @Override public String render(ResultTable table, Messages m) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("machine", machine(table.machine()));
        List<Object> results = new ArrayList<>();
        for (ResultTable.Row row : table.rows()) results.add(result(row));
        doc.put("results", results);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues()
                .create().toJson(doc) + "\n";
    }

    public static Map<String, Object> machine(Machine mc) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("host", mc.host());
        o.put("cores", mc.cores());
        o.put("cpu_model", mc.cpuModel());
        o.put("memory_bytes", mc.memoryBytes());
        o.put("os", mc.os());
        o.put("jvm", mc.jvm());
        return o;
    }

    public static Map<String, Object> result(ResultTable.Row row) {
        Measurement meas = row.measurement();
        RunResult last = meas.last();
        var s = meas.spec();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("strategy", s.strategy().id());
        o.put("runtime", s.runtime().id());
        o.put("task", s.task().id());
        o.put("tasks", s.tasks());
        o.put("workers", s.workers());
        o.put("scale", s.scale());
        o.put("cancelled", meas.cancelled());
        o.put("wall_s", last.wallNanos() / 1e9);
        o.put("cpu_user_s", last.cpu().userNanos() / 1e9);
        o.put("cpu_sys_s", last.cpu().systemNanos() / 1e9);
        o.put("cpu_children_s", last.cpu().childrenNanos() / 1e9);
        o.put("ideal_s", last.idealNanos() / 1e9);
        o.put("efficiency", meas.efficiency());
        if (row.speedup().isPresent()) o.put("speedup", row.speedup().getAsDouble());
        o.put("runs", meas.runs().stream().map(r -> r.wallNanos() / 1e9).toList());
        o.put("mean_s", meas.meanNanos() / 1e9);
        o.put("std_s", meas.stdNanos() / 1e9);
        o.put("load_average", last.loadAverage());
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("parent_before_bytes", last.memory().parentBeforeBytes());
        memory.put("parent_peak_bytes", last.memory().parentPeakBytes());
        memory.put("child_peak_bytes", last.memory().childPeakBytes());
        o.put("memory", memory);
        List<Object> timeline = new ArrayList<>();
        for (Span sp : last.timeline()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("worker", sp.worker());
            t.put("task", sp.task());
            t.put("start_s", sp.startNanos() / 1e9);
            t.put("end_s", sp.endNanos() / 1e9);
            timeline.add(t);
        }
        o.put("timeline", timeline);
        o.put("worker_names", last.workerNames());
        if (s.runtime().hasGil()) {
            Map<String, Object> gil = new LinkedHashMap<>();
            gil.put("switch_interval_ms", s.switchInterval().toNanos() / 1e6);
            // Times a thread took the lock; the timeline also holds its releases to nobody (to = -1).
            gil.put("handoffs", last.handoffs().stream().filter(h -> h.to() >= 0).count());
            List<Object> list = new ArrayList<>();
            for (Handoff h : last.handoffs()) list.add(List.of(h.from(), h.to(), h.atNanos() / 1e9));
            gil.put("timeline", list);
            o.put("gil", gil);
        }
        row.notebook().ifPresent(r -> {
            Map<String, Object> nb = new LinkedHashMap<>();
            r.wallNanos().ifPresent(v -> nb.put("wall_s", v / 1e9));
            r.userNanos().ifPresent(v -> nb.put("user_s", v / 1e9));
            r.sysNanos().ifPresent(v -> nb.put("sys_s", v / 1e9));
            r.cpuNanos().ifPresent(v -> nb.put("cpu_s", v / 1e9));
            r.meanNanos().ifPresent(v -> nb.put("mean_s", v / 1e9));
            r.stdNanos().ifPresent(v -> nb.put("std_s", v / 1e9));
            r.runs().ifPresent(v -> nb.put("runs", v));
            o.put("notebook", nb);
        });
        return o;
    }
}
