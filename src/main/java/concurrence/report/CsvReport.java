package concurrence.report;

import concurrence.engine.Measurement;
import concurrence.engine.RunResult;
import concurrence.i18n.Messages;

import java.util.List;
import java.util.Locale;

/**
 * The results as CSV, one line per measurement, seconds as plain numbers with a decimal point
 * (whatever the language), column names as in the JSON report.
 *
 * <pre>{@code
 * runtime,strategy,task,tasks,workers,scale,wall_s,mean_s,std_s,runs,cpu_user_s,cpu_sys_s,cpu_children_s,ideal_s,efficiency,speedup,notebook_s,cancelled
 * }</pre>
 */
public final class CsvReport implements ReportFormat {
    public static final List<String> COLUMNS = List.of("runtime", "strategy", "task", "tasks", "workers", "scale", "wall_s",
            "mean_s", "std_s", "runs", "cpu_user_s", "cpu_sys_s", "cpu_children_s", "ideal_s", "efficiency", "speedup",
            "notebook_s", "cancelled");

    @Override public String id() { return "csv"; }

    @Override public String render(ResultTable table, Messages m) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (ResultTable.Row row : table.rows()) out.append(String.join(",", cells(row))).append('\n');
        return out.toString();
    }

    /** One row's cells, in the order of {@link #COLUMNS}; none holds a comma or a quote. */
    public static List<String> cells(ResultTable.Row row) {
        Measurement meas = row.measurement();
        RunResult last = meas.last();
        var s = meas.spec();
        return List.of(s.runtime().id(), s.strategy().id(), s.task().id(),
                Integer.toString(s.tasks()), Integer.toString(s.workers()), num(s.scale()),
                sec(last.wallNanos()), sec(meas.meanNanos()), sec(meas.stdNanos()), Integer.toString(meas.runs().size()),
                sec(last.cpu().userNanos()), sec(last.cpu().systemNanos()), sec(last.cpu().childrenNanos()),
                sec(last.idealNanos()), num(meas.efficiency()),
                row.speedup().isPresent() ? num(row.speedup().getAsDouble()) : "",
                row.notebook().flatMap(r -> r.headlineNanos().isPresent() ? java.util.Optional.of(r.headlineNanos().getAsLong()) : java.util.Optional.empty())
                        .map(CsvReport::sec).orElse(""),
                Boolean.toString(meas.cancelled()));
    }

    static String sec(double nanos) { return String.format(Locale.ROOT, "%.6f", nanos / 1e9); }

    static String num(double v) { return String.format(Locale.ROOT, "%.4f", v); }
}
