package concurrence.lesson;

import concurrence.i18n.Messages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with one lesson file, gathered while it is read, each problem with its line and a
 * message in the reader's language. Confined to the thread reading that file.
 *
 * <pre>{@code
 * Problems p = new Problems(file, Messages.of("en"));
 * p.add(23, "lessons.error.unknown.strategy", "thread", StrategyKind.names());
 * p.list();   // [lessons/fr/05-threads-cpu.md:23: unknown strategy "thread" (known: ...)]
 * }</pre>
 */
final class Problems {
    private final Path file;
    private final Messages messages;
    private final List<Course.Problem> found = new ArrayList<>();

    Problems(Path file, Messages messages) {
        this.file = file;
        this.messages = messages;
    }

    /** Adds a problem at {@code line} (0: the whole file), its message read from the lessons bundle. */
    void add(int line, String key, Object... args) { found.add(new Course.Problem(file, line, messages.get(key, args))); }

    int count() { return found.size(); }

    boolean isEmpty() { return found.isEmpty(); }

    List<Course.Problem> list() { return List.copyOf(found); }
}
