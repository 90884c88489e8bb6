package concurrence.tui.lanterna;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import concurrence.engine.Board;
import concurrence.tui.Model;
import concurrence.tui.TextGrid;
import concurrence.tui.View;

import java.io.IOException;

/**
 * Draws frames on a Lanterna screen. The view is drawn into a grid in memory; only the cells
 * that differ from the previous frame go to Lanterna's back buffer, and its refresh sends the
 * terminal only what changed (everything after a resize, when the terminal may have reflowed
 * what it showed).
 *
 * <pre>{@code
 * Frame frame = new Frame(screen, new Palette(ColorMode.INDEXED_256));
 * frame.draw(model, board.sample(model.rows()), false);   // every frame
 * }</pre>
 *
 * <p>Why the grid: Lanterna checks every cell it is given for double width (a Unicode block
 * lookup), so handing it the 3,000 cells of a 100x30 screen fifteen times a second costs more
 * than everything else; a static page and a few moving bars change a few dozen cells a frame.
 * Not thread-safe: one frame at a time, from the render loop.
 */
public final class Frame {
    private final Screen screen;
    private final Palette palette;
    /** What the back buffer holds, as drawn by the last frame; null when unknown (first frame, resize). */
    private TextGrid shown;
    private TextGrid next;

    public Frame(Screen screen, Palette palette) {
        this.screen = screen;
        this.palette = palette;
    }

    public void draw(Model model, Board.Snapshot snapshot, boolean complete) throws IOException {
        TerminalSize size = screen.getTerminalSize();
        int w = size.getColumns();
        int h = size.getRows();
        if (next == null || next.width() != w || next.height() != h) next = new TextGrid(w, h);
        if (complete || shown == null || shown.width() != w || shown.height() != h) shown = null;
        next.clear();
        View.draw(model, snapshot, next);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                if (shown == null || !next.sameCell(shown, x, y)) screen.setCharacter(x, y, palette.character(next.at(x, y), next.style(x, y)));
        screen.refresh(shown == null ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        TextGrid drawn = next;
        next = shown;
        shown = drawn;
    }
}
