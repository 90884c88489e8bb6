package concurrence.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The shell reading a pipe or a file: no prompt, no banner, plain lines; answers on standard
 * output, warnings on standard error. Ctrl-C (SIGINT) cancels the running experiment through a
 * shutdown hook, so its child processes stop before the JVM exits.
 *
 * <pre>{@code
 * printf 'lancer threads io --scale 0.1\nrésultats\n' | concurrence shell
 * }</pre>
 */
final class StreamConsole implements Console {
    private final BufferedReader in;
    private final PrintStream out;
    private final PrintStream err;
    private final int width;

    StreamConsole(BufferedReader in, PrintStream out, PrintStream err, int width) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.width = width;
    }

    @Override public Optional<String> readLine(String prompt) {
        try {
            return Optional.ofNullable(in.readLine());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override public void println(String line) {
        out.println(line);
        out.flush();
    }

    @Override public void warn(String line) {
        out.flush();
        err.println(line);
        err.flush();
    }

    @Override public int width() { return width; }

    @Override public int height() { return 24; }

    @Override public boolean interactive() { return false; }

    @Override public boolean canRedraw() { return false; }

    @Override public boolean unicode() { return true; }

    @Override public Live live() {
        return new Live() {
            @Override public void update(List<String> lines) {}

            @Override public void finish() {}
        };
    }

    @Override public Trap onInterrupt(Runnable action) {
        Thread hook = new Thread(action, "shell-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already: the hook runs
            }
        };
    }

    @Override public void close() { out.flush(); }
}
