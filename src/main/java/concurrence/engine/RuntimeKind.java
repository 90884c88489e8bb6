package concurrence.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What executes the experiment: this JVM, this JVM with a simulated GIL, or a real CPython.
 *
 * <pre>{@code
 * RuntimeKind r = RuntimeKind.parse("jvm+gil").orElseThrow();
 * boolean serial = r.hasGil();   // true: cpu threads take turns
 * }</pre>
 */
public enum RuntimeKind {
    JVM("jvm"), JVM_GIL("jvm+gil"), PYTHON("python"), PYTHON_FT("python-ft");

    private final String id;

    RuntimeKind(String id) { this.id = id; }

    public String id() { return id; }

    /** Whether threads of one process take turns to compute. */
    public boolean hasGil() {
        return switch (this) {
            case JVM_GIL, PYTHON -> true;
            case JVM, PYTHON_FT -> false;
        };
    }

    /** Whether this runtime is this JVM (as opposed to a CPython driven over a pipe). */
    public boolean isJvm() {
        return switch (this) {
            case JVM, JVM_GIL -> true;
            case PYTHON, PYTHON_FT -> false;
        };
    }

    public static Optional<RuntimeKind> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (RuntimeKind k : values()) if (k.id.equals(t)) return Optional.of(k);
        return Optional.empty();
    }

    public static String names() {
        return Arrays.stream(values()).map(RuntimeKind::id).collect(Collectors.joining(", "));
    }
}
