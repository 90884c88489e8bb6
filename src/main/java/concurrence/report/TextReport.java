package concurrence.report;

import concurrence.engine.Machine;
import concurrence.engine.Measurement;
import concurrence.i18n.Messages;

import java.util.ArrayList;
import java.util.List;

/**
 * A readable table in the user's language, columns aligned, for a terminal.
 *
 * <pre>{@code
 * runtime  stratégie   carnet  mur      CPU user  CPU sys  enfants  idéal  efficacité  accélération
 * jvm      sequential  —       5,18 s   5,3 s     20 ms    0 ns     5 s    97 %        —
 * }</pre>
 */
public final class TextReport implements ReportFormat {
    @Override public String id() { return "table"; }

    @Override public String render(ResultTable table, Messages m) {
        StringBuilder out = new StringBuilder();
        Machine mc = table.machine();
        out.append(m.get("table.machine", mc.cores(), mc.cpuModel())).append('\n');
        if (!table.rows().isEmpty()) {
            var spec = table.rows().get(0).measurement().spec();
            out.append(m.get("table.experiment", spec.task().id(), spec.tasks(), spec.workers(),
                    Durations.ratio(spec.scale(), m.locale()))).append('\n');
        }
        out.append('\n');
        // One runtime for every row: say it once above, and keep the table narrow enough for a terminal.
        boolean oneRuntime = table.rows().stream().map(r -> r.measurement().spec().runtime()).distinct().count() <= 1;
        if (oneRuntime && !table.rows().isEmpty())
            out.append(m.get("table.runtime.all", table.rows().get(0).measurement().spec().runtime().id())).append('\n');
        boolean noNotebook = table.rows().stream().allMatch(r -> r.notebook().isEmpty());
        List<List<String>> grid = new ArrayList<>();
        grid.add(narrow(Columns.header(m), oneRuntime, noNotebook));
        for (ResultTable.Row r : table.rows()) grid.add(narrow(Columns.cells(r, m), oneRuntime, noNotebook));
        out.append(align(grid));
        for (ResultTable.Row r : table.rows()) {
            Measurement meas = r.measurement();
            if (meas.runs().size() > 1 && !meas.cancelled())
                out.append(meas.spec().strategy().id()).append(": ").append(Columns.timeit(meas, m)).append('\n');
        }
        boolean busy = table.rows().stream().filter(r -> !r.measurement().cancelled())
                .anyMatch(r -> Machine.busy(r.measurement().last().loadAverage(), mc.cores()));
        if (busy) out.append(m.get("table.busy")).append('\n');
        return out.toString();
    }

    /** Leaves out the runtime column (said above the table) and the notebook column when no row has a figure. */
    private static List<String> narrow(List<String> cells, boolean dropRuntime, boolean dropNotebook) {
        List<String> kept = new ArrayList<>(cells);
        if (dropNotebook) kept.remove(2);
        if (dropRuntime) kept.remove(0);
        return kept;
    }

    /** Pads every column to its widest cell; two spaces between columns. */
    public static String align(List<List<String>> grid) {
        int cols = grid.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[cols];
        for (List<String> row : grid)
            for (int i = 0; i < row.size(); i++) width[i] = Math.max(width[i], row.get(i).codePointCount(0, row.get(i).length()));
        StringBuilder out = new StringBuilder();
        for (List<String> row : grid) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(cell);
                if (i < row.size() - 1) line.append(" ".repeat(width[i] - cell.codePointCount(0, cell.length()) + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
