package concurrence.tui.lanterna;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import concurrence.tui.ColorMode;
import concurrence.tui.Style;
import concurrence.tui.Tone;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The colours of each {@link Tone} for a terminal's depth: 8 ANSI colours, the 256-colour cube,
 * or RGB; with no colour at all, only bold, underline and reverse remain (and the header and a
 * selection show reversed). Colours never change from frame to frame, so a bar is recoloured only when it ends.
 *
 * <pre>{@code
 * Palette p = new Palette(ColorMode.INDEXED_256);
 * Palette.Look look = p.look(Style.of(Tone.BAR_RUNNING));   // Indexed(38) on the default background
 * }</pre>
 *
 * <p>Not thread-safe: one palette per render loop.
 */
public final class Palette {
    /** How a style is drawn: its colours and attributes for this terminal. */
    public record Look(TextColor foreground, TextColor background, SGR[] attributes) {}

    private final ColorMode mode;
    /** The looks made so far, by style. */
    private final Map<Style, Look> looks = new HashMap<>();

    public Palette(ColorMode mode) { this.mode = mode; }

    /** How {@code style} is drawn on this terminal. */
    public Look look(Style style) { return looks.computeIfAbsent(style, this::make); }

    private Look make(Style s) {
        EnumSet<SGR> sgr = EnumSet.noneOf(SGR.class);
        if (s.isBold()) sgr.add(SGR.BOLD);
        if (s.isItalic() && mode != ColorMode.NONE && mode != ColorMode.ANSI_8) sgr.add(SGR.ITALIC);
        if (s.isUnderline()) sgr.add(SGR.UNDERLINE);
        if (s.isReverse()) sgr.add(SGR.REVERSE);
        if (mode == ColorMode.NONE && (s.bg() == Tone.SELECTION || s.bg() == Tone.HEADER)) sgr.add(SGR.REVERSE);
        return new Look(color(s.fg(), false), color(s.bg(), true), sgr.toArray(new SGR[0]));
    }

    TextColor color(Tone t, boolean background) {
        if (t == Tone.DEFAULT || mode == ColorMode.NONE) return TextColor.ANSI.DEFAULT;
        // Only bars of colour the app owns get a background: text on a terminal's own background stays readable,
        // dark or light; an overlay is set apart by its frame.
        if (background && t != Tone.SELECTION && t != Tone.HEADER) return TextColor.ANSI.DEFAULT;
        return switch (mode) {
            case ANSI_8 -> ansi(t);
            case INDEXED_256 -> new TextColor.Indexed(indexed(t));
            case TRUECOLOR -> rgb(indexed(t));
            case NONE -> TextColor.ANSI.DEFAULT;
        };
    }

    private static TextColor.ANSI ansi(Tone t) {
        return switch (t) {
            case DEFAULT -> TextColor.ANSI.DEFAULT;
            case DIM, COMMENT, BAR_TRACK -> TextColor.ANSI.BLACK_BRIGHT;
            case HEADING, ACCENT, BUILTIN, BAR_RUNNING, LANE_ODD, WORKER_0 -> TextColor.ANSI.CYAN;
            case EMPHASIS, NUMBER, WARNING, WORKER_2 -> TextColor.ANSI.YELLOW;
            case CODE, STRING, BAR_DONE, OK, WORKER_3 -> TextColor.ANSI.GREEN;
            case KEYWORD, WORKER_1 -> TextColor.ANSI.MAGENTA;
            case LANE_EVEN, HEADER, SELECTION, WORKER_4 -> TextColor.ANSI.BLUE;
            case HEADER_TEXT -> TextColor.ANSI.WHITE;
            case ERROR, WORKER_5 -> TextColor.ANSI.RED;
            case OVERLAY -> TextColor.ANSI.BLACK;
        };
    }

    /** The 256-colour index of each tone; RGB mode uses the same colours, exactly. */
    private static int indexed(Tone t) {
        return switch (t) {
            case DEFAULT -> 7;
            case DIM -> 245;
            case COMMENT -> 243;
            case BAR_TRACK -> 239;
            case HEADING -> 80;
            case ACCENT -> 39;
            case BUILTIN -> 116;
            case EMPHASIS -> 223;
            case CODE -> 150;
            case KEYWORD -> 176;
            case STRING -> 114;
            case NUMBER -> 215;
            case BAR_RUNNING -> 38;
            case BAR_DONE -> 71;
            case LANE_EVEN -> 67;
            case LANE_ODD -> 110;
            case OK -> 77;
            case WARNING -> 214;
            case ERROR -> 203;
            case HEADER, SELECTION -> 24;
            case HEADER_TEXT -> 255;
            case OVERLAY -> 236;
            case WORKER_0 -> 81;
            case WORKER_1 -> 213;
            case WORKER_2 -> 221;
            case WORKER_3 -> 120;
            case WORKER_4 -> 75;
            case WORKER_5 -> 210;
        };
    }

    /** The RGB of a 256-colour index (the xterm cube and grey ramp; 0-15 approximated). */
    static TextColor.RGB rgb(int index) {
        if (index >= 232) {
            int v = 8 + 10 * (index - 232);
            return new TextColor.RGB(v, v, v);
        }
        if (index >= 16) {
            int i = index - 16;
            int[] level = {0, 95, 135, 175, 215, 255};
            return new TextColor.RGB(level[i / 36], level[(i / 6) % 6], level[i % 6]);
        }
        return new TextColor.RGB(192, 192, 192);
    }
}
