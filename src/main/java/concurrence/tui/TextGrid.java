package concurrence.tui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A canvas in memory: what the widget tests draw into and read back, row by row.
 *
 * <pre>{@code
 * TextGrid grid = new TextGrid(20, 2);
 * Bars.draw(grid, ...);
 * grid.row(0);          // "pool-1-thread-1 ███▌"
 * grid.style(3, 0);     // the Style of one cell
 * }</pre>
 */
public final class TextGrid implements Canvas {
    private final int width;
    private final int height;
    private final char[][] chars;
    private final Style[][] styles;

    public TextGrid(int width, int height) {
        this.width = Math.max(0, width);
        this.height = Math.max(0, height);
        chars = new char[this.height][this.width];
        styles = new Style[this.height][this.width];
        for (int y = 0; y < this.height; y++) {
            Arrays.fill(chars[y], ' ');
            Arrays.fill(styles[y], Style.PLAIN);
        }
    }

    @Override public int width() { return width; }

    @Override public int height() { return height; }

    @Override public int put(int x, int y, String text, Style style) {
        int col = x;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (y >= 0 && y < height && col >= 0 && col < width) {
                chars[y][col] = cp > 0xFFFF ? '?' : (char) cp;
                styles[y][col] = style;
            }
            col++;
            i += Character.charCount(cp);
        }
        return col;
    }

    /** Blanks every cell, for drawing the next frame into the same grid. */
    public void clear() {
        for (int y = 0; y < height; y++) {
            Arrays.fill(chars[y], ' ');
            Arrays.fill(styles[y], Style.PLAIN);
        }
    }

    /** Whether cell ({@code x}, {@code y}) holds the same character in the same style in both grids (of one size). */
    public boolean sameCell(TextGrid other, int x, int y) {
        return chars[y][x] == other.chars[y][x] && styles[y][x].equals(other.styles[y][x]);
    }

    public String row(int y) { return new String(chars[y]); }

    public List<String> rows() {
        List<String> out = new ArrayList<>(height);
        for (int y = 0; y < height; y++) out.add(row(y));
        return out;
    }

    public Style style(int x, int y) { return styles[y][x]; }

    public char at(int x, int y) { return chars[y][x]; }

    /** Rows in double quotes, one a line, so trailing blanks show. */
    @Override public String toString() {
        StringBuilder out = new StringBuilder();
        for (String r : rows()) out.append('"').append(r).append("\"\n");
        return out.toString();
    }
}
