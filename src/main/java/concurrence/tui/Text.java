package concurrence.tui;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text measured in terminal cells: one cell per character, after NFC normalisation (so an
 * {@code e} followed by a combining accent is one {@code é}, one cell).
 *
 * <pre>{@code
 * Text.width("Tâche");              // 5
 * Text.fit("pool-1-thread-12", 8, "…");  // "pool-1-…"
 * }</pre>
 */
public final class Text {
    private Text() {}

    /** Cells taken by {@code s}: its code points. */
    public static int width(String s) { return s.codePointCount(0, s.length()); }

    /** NFC, tabs as four spaces, other control characters and characters beyond the BMP as {@code ?}. */
    public static String clean(String s) {
        String n = Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder out = null;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            int len = Character.charCount(cp);
            String replacement = cp == '\t' ? "    " : Character.isISOControl(cp) || cp > 0xFFFF ? "?" : null;
            if (replacement != null && out == null) out = new StringBuilder(n.substring(0, i));
            if (out != null) {
                if (replacement != null) out.append(replacement);
                else out.appendCodePoint(cp);
            }
            i += len;
        }
        return out == null ? n : out.toString();
    }

    /** The first {@code cells} characters of {@code s}. */
    public static String take(String s, int cells) {
        if (cells <= 0) return "";
        if (width(s) <= cells) return s;
        return s.substring(0, s.offsetByCodePoints(0, cells));
    }

    /** {@code s} without its first {@code cells} characters. */
    public static String drop(String s, int cells) {
        if (cells <= 0) return s;
        if (width(s) <= cells) return "";
        return s.substring(s.offsetByCodePoints(0, cells));
    }

    /** {@code s} cut to {@code cells}, ending in {@code ellipsis} when cut. */
    public static String fit(String s, int cells, String ellipsis) {
        if (width(s) <= cells) return s;
        if (cells <= width(ellipsis)) return take(s, cells);
        return take(s, cells - width(ellipsis)) + ellipsis;
    }

    /** {@code s} padded with spaces, or cut, to exactly {@code cells}. */
    public static String pad(String s, int cells) {
        int w = width(s);
        return w >= cells ? take(s, cells) : s + " ".repeat(cells - w);
    }

    /** {@code s} right-aligned in {@code cells}. */
    public static String padLeft(String s, int cells) {
        int w = width(s);
        return w >= cells ? take(s, cells) : " ".repeat(cells - w) + s;
    }

    /** A whole number with the language's grouping, a plain space in French: {@code 9 980}, {@code 9,980}. */
    public static String count(long n, Locale locale) {
        String digits = Long.toString(Math.abs(n));
        char group = Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? ' ' : ',';
        StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) b.append('-');
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) b.append(group);
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    /** Seconds with one decimal, {@code 0,4 s}: coarse on purpose, so a live clock redraws ten times a second at most. */
    public static String seconds(long nanos, Locale locale) {
        long tenths = Math.round(Math.max(0, nanos) / 1e8);
        char point = Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? ',' : '.';
        return (tenths / 10) + String.valueOf(point) + (tenths % 10) + " s";
    }
}
