package concurrence.tui;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How many colours the terminal shows. Lanterna sends colours as given and never downgrades
 * them, so the app chooses: from {@code --color}, else {@code NO_COLOR}, {@code COLORTERM},
 * {@code TERM}.
 *
 * <pre>{@code
 * ColorMode mode = ColorMode.detect(System.getenv(), Optional.empty());
 * }</pre>
 *
 * <p>PuTTY says {@code TERM=xterm} although it shows 256 colours, and SSH seldom forwards
 * {@code COLORTERM}: such users get 8 colours unless they pass {@code --color 256}.
 */
public enum ColorMode {
    TRUECOLOR("truecolor"), INDEXED_256("256"), ANSI_8("8"), NONE("none");

    private final String id;

    ColorMode(String id) { this.id = id; }

    public String id() { return id; }

    /** {@code auto} is empty: detect. */
    public static Optional<Optional<ColorMode>> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("auto")) return Optional.of(Optional.empty());
        for (ColorMode c : values()) if (c.id.equals(t)) return Optional.of(Optional.of(c));
        return Optional.empty();
    }

    public static ColorMode detect(Map<String, String> env, Optional<ColorMode> flag) {
        if (flag.isPresent()) return flag.get();
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) return NONE;
        String colorterm = env.getOrDefault("COLORTERM", "").toLowerCase(Locale.ROOT);
        if (colorterm.equals("truecolor") || colorterm.equals("24bit")) return TRUECOLOR;
        String term = env.getOrDefault("TERM", "").toLowerCase(Locale.ROOT);
        if (term.endsWith("-direct")) return TRUECOLOR;
        if (term.contains("256color")) return INDEXED_256;
        if (term.isEmpty() || term.equals("dumb")) return NONE;
        return ANSI_8;
    }
}
