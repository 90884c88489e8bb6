package concurrence.tui;

import java.util.List;

/**
 * One laid-out line of text: segments side by side, already wrapped to the width it was laid out for.
 *
 * <pre>{@code
 * Line l = new Line(List.of(new Segment("• ", Style.PLAIN), new Segment("threads", Style.of(Tone.CODE))));
 * l.draw(canvas, 0, 3);
 * }</pre>
 */
public record Line(List<Segment> segments) {
    public static final Line BLANK = new Line(List.of());

    public Line { segments = List.copyOf(segments); }

    public static Line of(String text, Style style) { return new Line(List.of(new Segment(text, style))); }

    public int width() { return segments.stream().mapToInt(s -> Text.width(s.text())).sum(); }

    public String text() {
        StringBuilder b = new StringBuilder();
        for (Segment s : segments) b.append(s.text());
        return b.toString();
    }

    public void draw(Canvas c, int x, int y) {
        int col = x;
        for (Segment s : segments) col = c.put(col, y, s.text(), s.style());
    }
}
