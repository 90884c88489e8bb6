package concurrence.report;

import concurrence.i18n.Messages;

import java.util.List;

/**
 * The result table as a Markdown table, for a report or a wiki.
 *
 * <pre>{@code
 * | runtime | stratégie | carnet | mur | ...
 * |---|---|---|---| ...
 * }</pre>
 */
public final class MarkdownReport implements ReportFormat {
    @Override public String id() { return "markdown"; }

    @Override public String render(ResultTable table, Messages m) {
        StringBuilder out = new StringBuilder();
        out.append(m.get("table.machine", table.machine().cores(), table.machine().cpuModel())).append("\n\n");
        List<String> header = Columns.header(m);
        out.append(row(header)).append('|').append("---|".repeat(header.size())).append('\n');
        for (ResultTable.Row r : table.rows()) out.append(row(Columns.cells(r, m)));
        return out.toString();
    }

    private static String row(List<String> cells) {
        StringBuilder b = new StringBuilder("|");
        for (String c : cells) b.append(' ').append(c.replace("|", "\\|")).append(" |");
        return b.append('\n').toString();
    }
}
