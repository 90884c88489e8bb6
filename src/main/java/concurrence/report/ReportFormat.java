package concurrence.report;

import concurrence.i18n.Messages;

import java.util.Locale;
import java.util.Optional;

/**
 * One way of printing a result table: a readable table, JSON, CSV or Markdown.
 *
 * <pre>{@code
 * ReportFormat f = ReportFormat.parse("json").orElseThrow();
 * System.out.print(f.render(table, Messages.of("fr")));
 * }</pre>
 */
public sealed interface ReportFormat permits TextReport, JsonReport, CsvReport, MarkdownReport {

    String render(ResultTable table, Messages messages);

    String id();

    static Optional<ReportFormat> parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "table" -> Optional.of(new TextReport());
            case "json" -> Optional.of(new JsonReport());
            case "csv" -> Optional.of(new CsvReport());
            case "markdown", "md" -> Optional.of(new MarkdownReport());
            default -> Optional.empty();
        };
    }
}
