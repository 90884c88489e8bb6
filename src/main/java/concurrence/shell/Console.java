package concurrence.shell;

import java.util.List;
import java.util.Optional;

/**
 * Where the shell reads its commands and writes its answers: a terminal (JLine: prompt,
 * history, Tab, lines redrawn in place) or plain streams (a pipe, a script).
 *
 * <pre>{@code
 * Optional<String> line = console.readLine("concurrence> ");   // empty: end of input, Ctrl-D
 * console.println("Machine : 2 cœurs");
 * try (AutoCloseable trap = console.onInterrupt(cancel::cancel)) { ... }   // Ctrl-C cancels the run
 * }</pre>
 */
interface Console extends AutoCloseable {

    /** The next line typed, without its newline; {@code ""} after Ctrl-C at the prompt; empty at the end of input. */
    Optional<String> readLine(String prompt);

    /** An answer on standard output (the terminal). Thread-safe. */
    void println(String line);

    /** A warning or an error: the terminal, or standard error when reading a pipe. Thread-safe. */
    void warn(String line);

    /** Columns to wrap text to. */
    int width();

    /** Rows the live lines may take. */
    int height();

    /** Whether a person types the commands (a prompt, a banner, confirmations), rather than a script. */
    boolean interactive();

    /** Whether lines can be redrawn in place while an experiment runs. */
    boolean canRedraw();

    /** Whether the terminal shows block characters (UTF-8). */
    boolean unicode();

    /** Starts redrawing lines in place; only when {@link #canRedraw()}. */
    Live live();

    /** Runs {@code action} on Ctrl-C until the returned handle is closed. */
    Trap onInterrupt(Runnable action);

    @Override void close();

    /** Lines redrawn in place, then left on the screen. */
    interface Live {
        /** Redraws with these lines (a new list each time). */
        void update(List<String> lines);

        /** Leaves the last lines on screen and moves below them. */
        void finish();
    }

    /** Undoes {@link #onInterrupt}. */
    interface Trap extends AutoCloseable {
        @Override void close();
    }
}
