package concurrence.tui;

import concurrence.tui.lanterna.FullScreen;

import java.io.PrintStream;
import java.util.Map;

/**
 * The full-screen app: opens the course in the terminal and runs until the student quits.
 * Returns the exit code: 0 after q, 130 after Ctrl-C, 129 when the terminal went away, 1 when
 * there is no terminal to draw on (with a message pointing at the line mode) or on an error.
 *
 * <pre>{@code
 * int code = App.run(TuiConfig.of(course, loader), System.getenv(), System.err);
 * }</pre>
 */
public final class App {
    private App() {}

    public static int run(TuiConfig config, Map<String, String> env, PrintStream err) {
        return new FullScreen(config, env, err).run();
    }
}
