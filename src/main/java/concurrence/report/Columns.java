package concurrence.report;

import concurrence.engine.Measurement;
import concurrence.engine.RunResult;
import concurrence.i18n.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cells of a result table as text, shared by the text and Markdown reports (and the screens).
 *
 * <pre>{@code
 * List<String> header = Columns.header(messages);
 * List<String> cells = Columns.cells(row, messages);
 * }</pre>
 */
public final class Columns {
    private Columns() {}

    public static List<String> header(Messages m) {
        return List.of(m.get("table.runtime"), m.get("table.strategy"), m.get("table.notebook"), m.get("table.wall"),
                m.get("table.cpu.user"), m.get("table.cpu.sys"), m.get("table.cpu.children"), m.get("table.ideal"),
                m.get("table.efficiency"), m.get("table.speedup"));
    }

    public static List<String> cells(ResultTable.Row row, Messages m) {
        Locale l = m.locale();
        Measurement meas = row.measurement();
        RunResult last = meas.last();
        List<String> c = new ArrayList<>();
        c.add(meas.spec().runtime().id());
        c.add(meas.spec().strategy().id());
        c.add(row.notebook().map(r -> notebook(r, l)).orElse("—"));
        if (meas.cancelled()) {
            c.add(m.get("table.cancelled"));
            for (int i = 0; i < 6; i++) c.add("—");
            return c;
        }
        c.add(meas.runs().size() > 1
                ? Durations.format(meas.meanNanos(), l) + " ± " + Durations.format(meas.stdNanos(), l)
                : Durations.format(last.wallNanos(), l));
        c.add(Durations.format(last.cpu().userNanos(), l));
        c.add(Durations.format(last.cpu().systemNanos(), l));
        c.add(Durations.format(last.cpu().childrenNanos(), l));
        c.add(Durations.format(last.idealNanos(), l));
        c.add(Durations.percent(meas.efficiency(), l));
        c.add(row.speedup().isPresent() ? "×" + Durations.ratio(row.speedup().getAsDouble(), l) : "—");
        return c;
    }

    /** The notebook's figure: {@code 1.11 s ± 6.03 ms} for {@code %timeit}, else the wall time. */
    public static String notebook(concurrence.lesson.Reference r, Locale l) {
        if (r.meanNanos().isPresent())
            return Durations.format(r.meanNanos().getAsLong(), l)
                    + (r.stdNanos().isPresent() ? " ± " + Durations.format(r.stdNanos().getAsLong(), l) : "");
        return r.wallNanos().isPresent() ? Durations.format(r.wallNanos().getAsLong(), l) : "—";
    }

    /** {@code 1.11 s ± 6.03 ms per loop (mean ± std. dev. of 7 runs, 1 loop each)}, as {@code %timeit} prints it. */
    public static String timeit(Measurement meas, Messages m) {
        Locale l = m.locale();
        return m.get("timeit.line", Durations.format(meas.meanNanos(), l), Durations.format(meas.stdNanos(), l), meas.runs().size());
    }
}
