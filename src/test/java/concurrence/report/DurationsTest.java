package concurrence.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Les durées s'écrivent comme IPython les écrit")
class DurationsTest {
    @Test
    @DisplayName("trois chiffres significatifs et la plus grande unité qui garde au moins 1")
    void likeIPython() {
        assertEquals("1.11 s", Durations.format(1_110_000_000L, Locale.ENGLISH));
        assertEquals("6.03 ms", Durations.format(6_030_000L, Locale.ENGLISH));
        assertEquals("487 µs", Durations.format(487_000L, Locale.ENGLISH));
        assertEquals("1 s", Durations.format(1_000_400_000L, Locale.ENGLISH));
        assertEquals("5.16 s", Durations.format(5_162_986_278L, Locale.ENGLISH));
        assertEquals("46.9 ms", Durations.format(46_900_000L, Locale.ENGLISH));
        assertEquals("0 ns", Durations.format(0, Locale.ENGLISH));
        assertEquals("125 s", Durations.format(125_000_000_000L, Locale.ENGLISH));
    }

    @Test
    @DisplayName("999,7 ms s'arrondit à 1 s et non à 1000 ms")
    void roundingUpChangesUnit() {
        assertEquals("1 s", Durations.format(999_700_000L, Locale.ENGLISH));
    }

    @Test
    @DisplayName("en français, la virgule décimale")
    void frenchDecimalComma() {
        assertEquals("1,11 s", Durations.format(1_110_000_000L, Locale.FRENCH));
        assertEquals("0,97", Durations.ratio(0.9712, Locale.FRENCH));
        assertEquals("97 %", Durations.percent(0.9712, Locale.FRENCH));
    }
}
