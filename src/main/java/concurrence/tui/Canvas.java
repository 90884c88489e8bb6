package concurrence.tui;

/**
 * Where widgets draw: a grid of cells, one character and one {@link Style} each, that clips
 * whatever falls outside it. An in-memory {@link TextGrid} serves the tests; the terminal adapter
 * draws into Lanterna's back buffer.
 *
 * <pre>{@code
 * Canvas panel = canvas.region(0, 2, canvas.width(), 10);   // rows 2 to 11, clipped
 * panel.put(1, 0, "pool-1-thread-1", Style.PLAIN);
 * }</pre>
 *
 * <p>Every character takes one cell: the course is French and English text, whose accented
 * letters are single-width (text is normalised to NFC before it gets here, see {@link Text}).
 */
public interface Canvas {
    int width();

    int height();

    /**
     * Writes {@code text} from column {@code x} of row {@code y}, one cell per character, dropping
     * what falls outside; returns the column after the text.
     */
    int put(int x, int y, String text, Style style);

    /** A canvas over the rectangle at ({@code x}, {@code y}) of this one, clipped to it. */
    default Canvas region(int x, int y, int w, int h) { return new Region(this, x, y, w, h); }

    /** Paints every cell blank in {@code style}. */
    default void fill(Style style) {
        if (width() <= 0) return;
        String blank = " ".repeat(width());
        for (int y = 0; y < height(); y++) put(0, y, blank, style);
    }

    /** A clipped rectangle of another canvas. */
    record Region(Canvas parent, int x, int y, int w, int h) implements Canvas {
        public Region {
            int left = Math.max(0, Math.min(x, parent.width()));
            int top = Math.max(0, Math.min(y, parent.height()));
            w = Math.max(0, Math.min(x + Math.max(0, w), parent.width()) - left);
            h = Math.max(0, Math.min(y + Math.max(0, h), parent.height()) - top);
            x = left;
            y = top;
        }

        @Override public int width() { return w; }

        @Override public int height() { return h; }

        @Override public int put(int col, int row, String text, Style style) {
            int end = col + Text.width(text);
            if (row < 0 || row >= h || end <= 0 || col >= w) return end;
            String visible = text;
            int from = col;
            if (col < 0) {
                visible = Text.drop(visible, -col);
                from = 0;
            }
            if (from + Text.width(visible) > w) visible = Text.take(visible, w - from);
            parent.put(x + from, y + row, visible, style);
            return end;
        }
    }
}
