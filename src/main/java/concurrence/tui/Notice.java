package concurrence.tui;

import java.util.List;

/**
 * A one-line message on the status line, in the user's language: a key of the {@code tui}
 * bundle and its arguments, so that switching language retranslates it.
 *
 * <pre>{@code
 * new Notice(Notice.Level.INFO, "tui.notice.cancelled", List.of())
 * }</pre>
 */
public record Notice(Level level, String key, List<Object> args) {
    public enum Level { INFO, WARNING, ERROR }

    public Notice { args = List.copyOf(args); }

    public static Notice info(String key, Object... args) { return new Notice(Level.INFO, key, List.of(args)); }

    public static Notice warning(String key, Object... args) { return new Notice(Level.WARNING, key, List.of(args)); }

    public static Notice error(String key, Object... args) { return new Notice(Level.ERROR, key, List.of(args)); }
}
