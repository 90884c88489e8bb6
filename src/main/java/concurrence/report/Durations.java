package concurrence.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Durations printed the way IPython prints them: three significant digits and the largest unit
 * that keeps the number at least 1 ({@code 1.11 s}, {@code 6.03 ms}, {@code 487 µs}), with the
 * decimal separator of the language ({@code 1,11 s} in French).
 *
 * <pre>{@code
 * Durations.format(1_110_000_000L, Locale.ENGLISH);   // "1.11 s"
 * Durations.format(6_030_000L, Locale.FRENCH);        // "6,03 ms"
 * }</pre>
 */
public final class Durations {
    private static final String[] UNITS = {"s", "ms", "µs", "ns"};

    private Durations() {}

    /** A formatted duration: the key of {@link #FORMATTED}. */
    private record Formatted(double nanos, boolean french) {}

    /**
     * Durations already formatted: a screen shows the same ones at every frame (a table's cells,
     * a time axis), and rounding through {@code BigDecimal} costs more than the rest of a frame.
     */
    private static final Map<Formatted, String> FORMATTED = new ConcurrentHashMap<>();
    private static final int MAX_FORMATTED = 4096;

    public static String format(double nanos, Locale locale) {
        Formatted key = new Formatted(nanos, Locale.FRENCH.getLanguage().equals(locale.getLanguage()));
        String text = FORMATTED.get(key);
        if (text == null) {
            if (FORMATTED.size() >= MAX_FORMATTED) FORMATTED.clear();
            text = compute(nanos, key.french());
            FORMATTED.put(key, text);
        }
        return text;
    }

    private static String compute(double nanos, boolean french) {
        if (Double.isNaN(nanos)) return "?";
        double seconds = nanos / 1e9;
        int order = seconds <= 0 ? 3 : Math.min(3, Math.max(0, (int) Math.ceil(-Math.log10(seconds) / 3)));
        double value = seconds * Math.pow(1000, order);
        // Rounding to 3 digits may reach 1000 (999.7 ms): then the next unit up.
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3));
        if (rounded.compareTo(BigDecimal.valueOf(1000)) >= 0 && order > 0) {
            order--;
            rounded = new BigDecimal(value / 1000).round(new MathContext(3));
        }
        String text = rounded.stripTrailingZeros().toPlainString();
        if (french) text = text.replace('.', ',');
        return text + " " + UNITS[order];
    }

    /** A ratio with two decimals in the language's style: {@code 0.97} or {@code 0,97}. */
    public static String ratio(double r, Locale locale) {
        if (Double.isNaN(r) || Double.isInfinite(r)) return "?";
        return String.format(locale, "%.2f", r);
    }

    /** A percentage without decimals: {@code 97 %} ({@code 97 %} with a thin space in French typography is overkill here). */
    public static String percent(double r, Locale locale) {
        if (Double.isNaN(r) || Double.isInfinite(r)) return "?";
        return String.format(locale, "%d %%", Math.round(100 * r));
    }

    /** Bytes as MiB with one decimal: {@code 41.2 Mio} / {@code 41.2 MiB}. */
    public static String mebibytes(long bytes, Locale locale, String unit) {
        return String.format(locale, "%.1f %s", bytes / (1024.0 * 1024.0), unit);
    }
}
