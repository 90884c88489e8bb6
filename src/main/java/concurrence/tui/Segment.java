package concurrence.tui;

/** A run of text in one style, on one line. */
public record Segment(String text, Style style) {
    public Segment {
        if (text == null || style == null) throw new IllegalArgumentException("text and style are not null");
    }
}
