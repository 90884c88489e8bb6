package concurrence.tui.lanterna;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import concurrence.engine.Board;
import concurrence.tui.Model;
import concurrence.tui.View;

import java.io.IOException;

/**
 * Draws one frame on a Lanterna screen: the view into the back buffer, then a refresh that sends
 * only the cells that changed (or everything, after a resize, when the terminal may have
 * reflowed what it showed).
 *
 * <pre>{@code
 * Frame.draw(screen, palette, model, board.sample(model.rows()), false);
 * }</pre>
 */
public final class Frame {
    private Frame() {}

    public static void draw(Screen screen, Palette palette, Model model, Board.Snapshot snapshot, boolean complete) throws IOException {
        TerminalSize size = screen.getTerminalSize();
        View.draw(model, snapshot, new LanternaCanvas(screen.newTextGraphics(), size, palette));
        screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    }
}
