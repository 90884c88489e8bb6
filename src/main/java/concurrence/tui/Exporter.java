package concurrence.tui;

import java.io.IOException;

/**
 * Writes the results kept so far into a file (key {@code e}); the caller provides it, so that
 * the app itself reads and writes no journal. Called off the screen's thread.
 *
 * <pre>{@code
 * config.withExporter(() -> {
 *     Export.Written w = Export.toFolder(journal, Path.of(""), ExportFormat.MARKDOWN, messages, figures);
 *     return new Exporter.Exported(w.file().getFileName().toString(), w.runs());
 * });
 * }</pre>
 */
@FunctionalInterface
public interface Exporter {
    /** What was written: the file's name, and how many runs it holds. */
    record Exported(String file, int runs) {}

    /** Writes the file; an {@link IOException}'s message says why it could not be (no journal, folder not writable). */
    Exported export() throws IOException;
}
