package concurrence.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small lesson pages written into a temporary course folder, for the loader's tests.
 *
 * <pre>{@code
 * Pages.write(root, "fr", "05-threads-cpu.md", Pages.withExperiment("task: cpu", "compare: thread"));
 * // the experiment's fence is on line 8, its first key on line 9
 * }</pre>
 */
final class Pages {
    /** The line of the experiment fence in {@link #withExperiment}; its keys start on the next line. */
    static final int FENCE_LINE = 8;

    private Pages() {}

    /** A page with a front matter (lines 1-4), a paragraph (line 6), and nothing else. */
    static String simple(String title) {
        return """
                ---
                title: %s
                summary: une page pour les tests
                ---

                Un paragraphe.
                """.formatted(title);
    }

    /** A page whose only experiment block holds {@code keys}, one a line, from line 9. */
    static String withExperiment(String... keys) {
        return """
                ---
                title: Une expérience
                summary: une page pour les tests
                ---

                Un paragraphe.

                ```experiment
                %s
                ```
                """.formatted(String.join("\n", keys));
    }

    static Path write(Path root, String language, String name, String text) {
        try {
            Path dir = Files.createDirectories(root.resolve(language));
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
