package concurrence.tui;

/**
 * A framed box centred on a canvas, for overlays: blank inside, a title on its top edge.
 *
 * <pre>{@code
 * Canvas inside = Box.centred(canvas, 60, 20, "Aide", glyphs);
 * inside.put(0, 0, "q  quitter", Style.PLAIN);
 * }</pre>
 */
public final class Box {
    private Box() {}

    static final Style FRAME = Style.of(Tone.ACCENT).on(Tone.OVERLAY);
    static final Style INSIDE = Style.PLAIN.on(Tone.OVERLAY);

    /**
     * Draws a box of at most {@code w} x {@code h} cells in the middle, with a blank cell around it
     * so the page behind does not touch its frame; returns its inside (one cell of margin).
     */
    public static Canvas centred(Canvas c, int w, int h, String title, Glyphs g) {
        int bw = Math.min(w, c.width());
        int bh = Math.min(h, c.height());
        int x = (c.width() - bw) / 2;
        int y = (c.height() - bh) / 2;
        c.region(x - 1, y - 1, bw + 2, bh + 2).fill(Style.PLAIN);
        Canvas box = c.region(x, y, bw, bh);
        box.fill(INSIDE);
        if (bw < 2 || bh < 2) return box.region(0, 0, 0, 0);
        String corners = g.corners();
        String horizontal = String.valueOf(g.horizontal()).repeat(bw - 2);
        box.put(0, 0, corners.charAt(0) + horizontal + corners.charAt(1), FRAME);
        box.put(0, bh - 1, corners.charAt(2) + horizontal + corners.charAt(3), FRAME);
        for (int row = 1; row < bh - 1; row++) {
            box.put(0, row, String.valueOf(g.vertical()), FRAME);
            box.put(bw - 1, row, String.valueOf(g.vertical()), FRAME);
        }
        if (!title.isEmpty() && bw > 6) box.put(2, 0, " " + Text.fit(title, bw - 6, g.ellipsis()) + " ", FRAME.bold());
        return box.region(2, 1, bw - 4, bh - 2);
    }
}
