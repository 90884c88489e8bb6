package concurrence.tui;

/**
 * How a cell is drawn: a foreground and a background {@link Tone}, and a few attributes.
 *
 * <pre>{@code
 * Style title = Style.of(Tone.HEADING).bold();
 * Style header = Style.PLAIN.on(Tone.HEADER);
 * }</pre>
 */
public record Style(Tone fg, Tone bg, boolean isBold, boolean isItalic, boolean isUnderline, boolean isReverse) {
    public static final Style PLAIN = new Style(Tone.DEFAULT, Tone.DEFAULT, false, false, false, false);

    public Style {
        if (fg == null || bg == null) throw new IllegalArgumentException("a style has two tones");
    }

    public static Style of(Tone fg) { return PLAIN.fg(fg); }

    /*
     * Written out rather than left to the record: a record's equals goes through a method handle,
     * which the JIT inlines as a hundred methods; this one runs for every cell of every frame.
     */
    @Override public boolean equals(Object o) {
        return o instanceof Style s && fg == s.fg && bg == s.bg && isBold == s.isBold && isItalic == s.isItalic
                && isUnderline == s.isUnderline && isReverse == s.isReverse;
    }

    @Override public int hashCode() {
        return ((fg.ordinal() * 31 + bg.ordinal()) * 16) + (isBold ? 8 : 0) + (isItalic ? 4 : 0) + (isUnderline ? 2 : 0) + (isReverse ? 1 : 0);
    }

    public Style fg(Tone t) { return new Style(t, bg, isBold, isItalic, isUnderline, isReverse); }

    public Style on(Tone background) { return new Style(fg, background, isBold, isItalic, isUnderline, isReverse); }

    public Style bold() { return new Style(fg, bg, true, isItalic, isUnderline, isReverse); }

    public Style italic() { return new Style(fg, bg, isBold, true, isUnderline, isReverse); }

    public Style underline() { return new Style(fg, bg, isBold, isItalic, true, isReverse); }

    public Style reverse() { return new Style(fg, bg, isBold, isItalic, isUnderline, true); }
}
