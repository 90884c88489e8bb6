package concurrence.journal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the journal is exported: a Markdown report, CSV for a spreadsheet, JSON for a script, or
 * an aligned table for a terminal.
 *
 * <pre>{@code
 * ExportFormat f = ExportFormat.parse("csv").orElseThrow();   // file extension f.extension(): "csv"
 * }</pre>
 */
public enum ExportFormat {
    MARKDOWN("markdown", "md"), CSV("csv", "csv"), JSON("json", "json"), TABLE("table", "txt");

    private final String id;
    private final String extension;

    ExportFormat(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    public String id() { return id; }

    public String extension() { return extension; }

    public static Optional<ExportFormat> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("md")) return Optional.of(MARKDOWN);
        for (ExportFormat f : values()) if (f.id.equals(t)) return Optional.of(f);
        return Optional.empty();
    }

    /** {@code markdown, csv, json, table}, for messages. */
    public static String names() { return Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", ")); }
}
