package concurrence.tui.lanterna;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import concurrence.engine.Board;
import concurrence.tui.Model;
import concurrence.tui.Style;
import concurrence.tui.TextGrid;
import concurrence.tui.View;

import java.io.IOException;

/**
 * Draws frames on the terminal of a Lanterna screen: the view is drawn into a grid in memory, and
 * only the cells that differ from the previous frame are sent, through Lanterna's terminal, in
 * runs (one cursor move per run of changed cells, one change of colours per change of style),
 * flushed once. After a resize, when the terminal may have reflowed what it showed, everything.
 *
 * <pre>{@code
 * Frame frame = new Frame(screen, new Palette(ColorMode.INDEXED_256));
 * frame.draw(model, board.sample(model.rows()), false);   // every frame
 * }</pre>
 *
 * <p><b>Why not {@code screen.refresh(DELTA)}.</b> It does the same diff on its own buffers, but
 * at a cost that lands on the measurements: it checks every cell of the screen for double width
 * (a Unicode block lookup) at every frame, and its one big method, inlining some 300 others, is
 * compiled again and again by the JIT once frames start: measured, 0.6 s of C2 compilation on a
 * core during a 3.7 s cpu run, against 0.2 s once this frame writes its own delta. The screen
 * still enters and leaves the alternate screen, reads the keys and follows resizes.
 *
 * <p>Not thread-safe: one frame at a time, from the render loop.
 */
public final class Frame {
    private final TerminalScreen screen;
    private final Palette palette;
    /** What the terminal shows, as drawn by the last frame; null when unknown (first frame, resize). */
    private TextGrid shown;
    private TextGrid next;

    public Frame(TerminalScreen screen, Palette palette) {
        this.screen = screen;
        this.palette = palette;
    }

    public void draw(Model model, Board.Snapshot snapshot, boolean complete) throws IOException {
        TerminalSize size = screen.getTerminalSize();
        int w = size.getColumns();
        int h = size.getRows();
        if (next == null || next.width() != w || next.height() != h) next = new TextGrid(w, h);
        boolean full = complete || shown == null || shown.width() != w || shown.height() != h;
        next.clear();
        View.draw(model, snapshot, next);
        int count = full ? nonBlank(next) : changed(next, shown);
        send(screen.getTerminal(), next, count, full);
        TextGrid drawn = next;
        next = full ? null : shown;
        shown = drawn;
    }

    /** Cells to send, as {@code y * width + x}; grown when a frame changes more than it holds. Owned by the render loop. */
    private int[] cells = new int[256];

    /** Lists the cells of {@code now} that differ from {@code before}; returns how many. A plain loop over arrays: cheap to run and to compile. */
    private int changed(TextGrid now, TextGrid before) {
        int n = 0;
        int w = now.width();
        for (int y = 0; y < now.height(); y++)
            for (int x = 0; x < w; x++)
                if (!now.sameCell(before, x, y)) n = add(n, y * w + x);
        return n;
    }

    /** Lists the cells of {@code now} that are not blank: what a cleared screen needs. */
    private int nonBlank(TextGrid now) {
        int n = 0;
        int w = now.width();
        for (int y = 0; y < now.height(); y++)
            for (int x = 0; x < w; x++)
                if (now.at(x, y) != ' ' || !now.style(x, y).equals(Style.PLAIN)) n = add(n, y * w + x);
        return n;
    }

    private int add(int n, int cell) {
        if (n == cells.length) cells = java.util.Arrays.copyOf(cells, n * 2);
        cells[n] = cell;
        return n + 1;
    }

    /**
     * Sends the listed cells: one cursor move per run of adjacent cells, colours changed only
     * when the style does, then one flush. After a resize, clears the screen first.
     */
    private void send(Terminal t, TextGrid grid, int count, boolean full) throws IOException {
        int w = grid.width();
        if (full) {
            t.resetColorAndSGR();
            t.clearScreen();
            t.setCursorVisible(false);
        }
        Style current = full ? Style.PLAIN : null;
        int expected = -1;
        for (int i = 0; i < count; i++) {
            int cell = cells[i];
            int x = cell % w;
            int y = cell / w;
            if (cell != expected || x == 0) t.setCursorPosition(x, y);
            Style style = grid.style(x, y);
            if (!style.equals(current)) {
                apply(t, palette.look(style));
                current = style;
            }
            t.putCharacter(grid.at(x, y));
            expected = cell + 1;
        }
        t.flush();
    }

    private static void apply(Terminal t, Palette.Look look) throws IOException {
        t.resetColorAndSGR();
        for (SGR a : look.attributes()) t.enableSGR(a);
        if (look.foreground() != TextColor.ANSI.DEFAULT) t.setForegroundColor(look.foreground());
        if (look.background() != TextColor.ANSI.DEFAULT) t.setBackgroundColor(look.background());
    }
}
