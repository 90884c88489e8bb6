package concurrence.engine;

import java.util.Locale;
import java.util.Optional;

/**
 * What a task does: wait without the CPU ({@code io}, the notebook's {@code time.sleep(1)}) or
 * compute ({@code cpu}, the notebook's list of four million squares).
 *
 * <pre>{@code
 * TaskKind kind = TaskKind.parse("io").orElseThrow();   // TaskKind.IO
 * }</pre>
 */
public enum TaskKind {
    IO("io"), CPU("cpu");

    private final String id;

    TaskKind(String id) { this.id = id; }

    /** The name used on the command line, in lessons and in JSON. */
    public String id() { return id; }

    public static Optional<TaskKind> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (TaskKind k : values()) if (k.id.equals(t)) return Optional.of(k);
        return Optional.empty();
    }
}
