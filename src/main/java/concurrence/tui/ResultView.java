package concurrence.tui;

import concurrence.engine.Machine;
import concurrence.engine.Measurement;
import concurrence.i18n.Messages;
import concurrence.lesson.ExperimentDecl;
import concurrence.report.Columns;
import concurrence.report.Durations;
import concurrence.report.ResultTable;

import java.util.ArrayList;
import java.util.List;

/**
 * The result table of a block: the report's own columns ({@link Columns}), with those that do not
 * fit left out in a set order (a runtime column that says the same on every row first, the CPU
 * columns later), then narrower gaps, then cut cells.
 *
 * <pre>{@code
 * stratégie   carnet  mur     CPU user  CPU sys  idéal  efficacité  accélération
 * threads     1 s     1 s     2 ms      1 ms     1 s    100 %       ×5,00
 * sequential  5 s     5 s     1 ms      0 ns     5 s    100 %       —
 * }</pre>
 */
public final class ResultView {
    private ResultView() {}

    private static final int RUNTIME = 0, STRATEGY = 1, NOTEBOOK = 2, WALL = 3, USER = 4, SYS = 5, CHILDREN = 6,
            IDEAL = 7, EFFICIENCY = 8, SPEEDUP = 9;

    /** Rows the table takes: the header, one per measurement, and a warning if one was measured on a busy machine. */
    public static int height(List<Measurement> measurements, Machine machine) {
        if (measurements.isEmpty()) return 0;
        return measurements.size() + 1 + (busy(measurements, machine) ? 1 : 0);
    }

    /**
     * Whether a measurement was taken while other programs kept the machine busy (its load is what
     * others used during the run, see {@code concurrence.journal.Load#onto}).
     */
    static boolean busy(List<Measurement> measurements, Machine machine) {
        for (Measurement m : measurements)
            if (!m.cancelled() && Machine.busy(m.last().loadAverage(), machine.cores())) return true;
        return false;
    }

    public static void draw(Canvas c, List<Measurement> measurements, ExperimentDecl decl, Machine machine, Glyphs g, Messages m) {
        if (c.height() <= 0 || c.width() <= 0 || measurements.isEmpty()) return;
        ResultTable table = ResultTable.of(machine, measurements, meas -> Model.notebookFigure(decl, meas.spec()));
        List<List<String>> grid = new ArrayList<>();
        grid.add(Columns.header(m));
        for (ResultTable.Row r : table.rows()) grid.add(Columns.cells(r, m));
        Plan plan = plan(grid, c.width());
        List<Integer> shown = plan.columns();
        int gap = plan.gap();
        int[] width = widths(grid);
        for (int y = 0; y < grid.size() && y < c.height(); y++) {
            int x = 0;
            for (int col : shown) {
                String cell = grid.get(y).get(col);
                Style style = y == 0 ? Style.PLAIN.bold() : col == EFFICIENCY ? efficiency(table.rows().get(y - 1).measurement()) : Style.PLAIN;
                c.put(x, y, Text.fit(cell, width[col], g.ellipsis()), style);
                x += width[col] + gap;
            }
        }
        if (grid.size() < c.height() && busy(measurements, machine))
            c.put(0, grid.size(), Text.fit(View.say(m, "table.busy"), c.width(), g.ellipsis()), Style.of(Tone.WARNING));
    }

    /** Efficiency in colour: near the ideal, halfway, or far from it. */
    private static Style efficiency(Measurement meas) {
        if (meas.cancelled()) return Style.of(Tone.DIM);
        double e = meas.efficiency();
        return Style.of(e >= 0.9 ? Tone.OK : e >= 0.5 ? Tone.WARNING : Tone.ERROR).bold();
    }

    /** The columns kept, in their order, and the gap between them. */
    record Plan(List<Integer> columns, int gap) {}

    /**
     * First the columns that say nothing go (one runtime on every row, no child CPU, no notebook
     * figure) while the table is wider than {@code width} with two-space gaps; if that is not
     * enough, one-space gaps, and the CPU columns, the runtime, the ideal and the notebook go in turn.
     */
    static Plan plan(List<List<String>> grid, int width) {
        List<Integer> shown = new ArrayList<>(List.of(RUNTIME, STRATEGY, NOTEBOOK, WALL, USER, SYS, CHILDREN, IDEAL, EFFICIENCY, SPEEDUP));
        List<Integer> silent = new ArrayList<>();
        if (same(grid, RUNTIME)) silent.add(RUNTIME);
        if (empty(grid, CHILDREN)) silent.add(CHILDREN);
        if (empty(grid, NOTEBOOK)) silent.add(NOTEBOOK);
        for (int col : silent) {
            if (totalWidth(grid, shown, 2) <= width) break;
            shown.remove(Integer.valueOf(col));
        }
        if (totalWidth(grid, shown, 2) <= width) return new Plan(shown, 2);
        for (int col : List.of(CHILDREN, SYS, USER, RUNTIME, IDEAL, NOTEBOOK)) {
            if (totalWidth(grid, shown, 1) <= width) break;
            shown.remove(Integer.valueOf(col));
        }
        return new Plan(shown, 1);
    }

    private static boolean same(List<List<String>> grid, int col) {
        return grid.stream().skip(1).map(r -> r.get(col)).distinct().count() <= 1;
    }

    /** A column with nothing to say: dashes, or no CPU time at all. */
    private static boolean empty(List<List<String>> grid, int col) {
        return grid.stream().skip(1).map(r -> r.get(col)).allMatch(v -> v.equals("—") || v.equals(Durations.format(0, java.util.Locale.ROOT))
                || v.startsWith("0 "));
    }

    private static int[] widths(List<List<String>> grid) {
        int[] w = new int[grid.get(0).size()];
        for (List<String> row : grid) for (int i = 0; i < row.size(); i++) w[i] = Math.max(w[i], Text.width(row.get(i)));
        return w;
    }

    private static int totalWidth(List<List<String>> grid, List<Integer> shown, int gap) {
        int[] w = widths(grid);
        int total = 0;
        for (int col : shown) total += w[col];
        return total + gap * Math.max(0, shown.size() - 1);
    }
}
