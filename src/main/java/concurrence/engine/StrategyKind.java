package concurrence.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the tasks are spread: the notebook's vocabulary, kept as is.
 *
 * <pre>{@code
 * StrategyKind s = StrategyKind.parse("threads").orElseThrow();  // ThreadPoolExecutor(max_workers=5)
 * }</pre>
 */
public enum StrategyKind {
    /** {@code doing_several_things_sequentially}: one task after the other on one thread. */
    SEQUENTIAL("sequential"),
    /** {@code ThreadPoolExecutor(max_workers=N)}: a pool of platform threads. */
    THREADS("threads"),
    /** {@code ProcessPoolExecutor(max_workers=N)}: a pool of child processes. */
    PROCESSES("processes"),
    /** {@code asyncio.gather}: one thread, one event loop. */
    ASYNCIO("asyncio"),
    /** Java's own answer: one virtual thread per task. */
    VIRTUAL_THREADS("virtual-threads");

    private final String id;

    StrategyKind(String id) { this.id = id; }

    public String id() { return id; }

    public static Optional<StrategyKind> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (StrategyKind k : values()) if (k.id.equals(t)) return Optional.of(k);
        return Optional.empty();
    }

    /** {@code "sequential, threads, processes, asyncio, virtual-threads"}, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(StrategyKind::id).collect(Collectors.joining(", "));
    }
}
