package concurrence.tui;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The characters the screen draws with: bars in eighths of a cell, in halves, or in ASCII, and
 * lines, ellipses and marks in Unicode or in ASCII.
 *
 * <pre>{@code
 * Glyphs g = Glyphs.of(Glyphs.Bars.EIGHTHS, false);
 * g.bar(0.5, 8);            // "████    "
 * }</pre>
 *
 * <p>Eighth blocks are missing from many Windows fonts and are drawn wide by terminals set to
 * treat "ambiguous" characters as wide; halves ({@code █▌}) are safer, ASCII always works.
 */
public record Glyphs(Bars bars, boolean ascii) {

    /** How progress bars are drawn. */
    public enum Bars {
        EIGHTHS("eighths"), HALVES("halves"), ASCII("ascii");

        private final String id;

        Bars(String id) { this.id = id; }

        public String id() { return id; }

        public static Optional<Bars> parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            for (Bars b : values()) if (b.id.equals(t)) return Optional.of(b);
            return Optional.empty();
        }
    }

    private static final String EIGHTHS = " ▏▎▍▌▋▊▉";

    public Glyphs {
        if (bars == null) throw new IllegalArgumentException("bars are required");
    }

    public static Glyphs of(Bars bars, boolean ascii) { return new Glyphs(bars, ascii); }

    /**
     * The glyphs for this environment: ASCII everywhere when asked or when the locale is not
     * UTF-8 ({@code LC_ALL}, then {@code LC_CTYPE}, then {@code LANG}); eighths otherwise.
     */
    public static Glyphs detect(Map<String, String> env, boolean asciiFlag, Optional<Bars> barsFlag) {
        boolean ascii = asciiFlag || !utf8(env);
        Bars bars = barsFlag.orElse(ascii ? Bars.ASCII : Bars.EIGHTHS);
        return new Glyphs(bars, ascii);
    }

    /** Whether the locale the terminal runs in is UTF-8, as a C library would decide. */
    public static boolean utf8(Map<String, String> env) {
        for (String key : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = env.get(key);
            if (v != null && !v.isEmpty()) {
                String u = v.toUpperCase(Locale.ROOT);
                return u.contains("UTF-8") || u.contains("UTF8");
            }
        }
        return false;
    }

    /** A bar of {@code width} cells, {@code fraction} of it full; the rest is blank. */
    public String bar(double fraction, int width) {
        if (width <= 0) return "";
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        StringBuilder out = new StringBuilder(width);
        switch (bars) {
            case EIGHTHS -> {
                int eighths = (int) Math.floor(f * width * 8);
                out.append("█".repeat(eighths / 8));
                if (eighths % 8 != 0) out.append(EIGHTHS.charAt(eighths % 8));
            }
            case HALVES -> {
                int halves = (int) Math.floor(f * width * 2);
                out.append("█".repeat(halves / 2));
                if (halves % 2 != 0) out.append('▌');
            }
            case ASCII -> out.append("#".repeat((int) Math.floor(f * width)));
        }
        return out.toString();
    }

    /** What fills the empty part of a bar. */
    public char track() { return bars == Bars.ASCII || ascii ? '.' : '·'; }

    /** One block of a timeline lane; {@code odd} tasks look different from even ones. */
    public char block(boolean odd) {
        if (bars == Bars.ASCII || ascii) return odd ? '=' : '#';
        return odd ? '▓' : '█';
    }

    public String ellipsis() { return ascii ? "..." : "…"; }

    public char horizontal() { return ascii ? '-' : '─'; }

    public char vertical() { return ascii ? '|' : '│'; }

    public String bullet() { return ascii ? "-" : "•"; }

    public String check() { return ascii ? "*" : "✓"; }

    public String pointer() { return ascii ? ">" : "▶"; }

    /** The four corners of a box, top-left, top-right, bottom-left, bottom-right. */
    public String corners() { return ascii ? "++++" : "┌┐└┘"; }
}
