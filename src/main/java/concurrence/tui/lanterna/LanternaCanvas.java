package concurrence.tui.lanterna;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import concurrence.tui.Canvas;
import concurrence.tui.Style;

/**
 * A {@link Canvas} over Lanterna's back buffer: what the widgets draw goes to the screen at the
 * next refresh, which sends only the cells that changed.
 *
 * <pre>{@code
 * TextGraphics g = screen.newTextGraphics();
 * View.draw(model, snapshot, new LanternaCanvas(g, screen.getTerminalSize(), palette));
 * screen.refresh(Screen.RefreshType.DELTA);
 * }</pre>
 */
public final class LanternaCanvas implements Canvas {
    private final TextGraphics graphics;
    private final int width;
    private final int height;
    private final Palette palette;

    public LanternaCanvas(TextGraphics graphics, TerminalSize size, Palette palette) {
        this.graphics = graphics;
        this.width = size.getColumns();
        this.height = size.getRows();
        this.palette = palette;
    }

    @Override public int width() { return width; }

    @Override public int height() { return height; }

    @Override public int put(int x, int y, String text, Style style) {
        int col = x;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (y >= 0 && y < height && col >= 0 && col < width)
                graphics.setCharacter(col, y, palette.character(cp > 0xFFFF ? '?' : (char) cp, style));
            col++;
            i += Character.charCount(cp);
        }
        return col;
    }
}
