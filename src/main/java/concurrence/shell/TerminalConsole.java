package concurrence.shell;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shell on a terminal, through JLine: a prompt with history and Tab completion; while an
 * experiment runs, its lines redrawn in place with JLine's {@link Display} (unless the terminal is
 * dumb or {@code --plain} was asked, for screen readers and recordings).
 *
 * <pre>{@code
 * Terminal t = TerminalBuilder.builder().system(true).build();
 * LineReader r = LineReaderBuilder.builder().terminal(t).completer(new ShellCompleter(pages)).build();
 * try (Console c = new TerminalConsole(t, r, false)) { new Shell(c, ...).run(); }
 * }</pre>
 *
 * <p>While lines are redrawn, the terminal's echo is off (keys typed then would scatter the
 * drawing) but its signals are on: Ctrl-C still reaches the handler set by {@link #onInterrupt}.
 */
final class TerminalConsole implements Console {
    private final Terminal terminal;
    private final LineReader reader;
    private final boolean plain;

    TerminalConsole(Terminal terminal, LineReader reader, boolean plain) {
        this.terminal = terminal;
        this.reader = reader;
        this.plain = plain;
    }

    @Override public Optional<String> readLine(String prompt) {
        try {
            return Optional.of(reader.readLine(prompt));
        } catch (UserInterruptException e) {
            return Optional.of("");
        } catch (EndOfFileException e) {
            return Optional.empty();
        }
    }

    @Override public void println(String line) {
        synchronized (terminal) {
            terminal.writer().println(line);
            terminal.writer().flush();
        }
    }

    @Override public void warn(String line) { println(line); }

    @Override public int width() {
        int w = terminal.getWidth();
        return w > 0 ? w : 80;
    }

    @Override public int height() {
        int h = terminal.getHeight();
        return h > 0 ? h : 24;
    }

    @Override public boolean interactive() { return true; }

    @Override public boolean canRedraw() {
        return !plain && !terminal.getType().startsWith(Terminal.TYPE_DUMB) && terminal.getWidth() > 1 && terminal.getHeight() > 1;
    }

    @Override public boolean unicode() { return StandardCharsets.UTF_8.equals(terminal.encoding()); }

    @Override public Live live() {
        Attributes saved = terminal.getAttributes();
        Attributes quiet = new Attributes(saved);
        quiet.setLocalFlag(Attributes.LocalFlag.ECHO, false);
        quiet.setLocalFlag(Attributes.LocalFlag.ICANON, false);
        terminal.setAttributes(quiet);
        Display display = new Display(terminal, false);
        // Killed while drawing (SIGTERM, SIGHUP): end the drawn line, so the shell's prompt starts on its own.
        Thread newline = new Thread(() -> {
            terminal.writer().println();
            terminal.writer().flush();
        }, "shell-live-newline");
        Runtime.getRuntime().addShutdownHook(newline);
        return new Live() {
            private List<String> last = List.of();

            @Override public void update(List<String> lines) {
                synchronized (terminal) {
                    display.resize(terminal.getHeight(), terminal.getWidth());
                    List<AttributedString> fresh = new ArrayList<>(lines.size());   // a new list each time: Display keeps it
                    for (String l : lines) fresh.add(new AttributedString(l));
                    display.update(fresh, -1);
                    last = lines;
                }
            }

            @Override public void finish() {
                try {
                    Runtime.getRuntime().removeShutdownHook(newline);
                } catch (IllegalStateException e) {
                    // shutting down: the hook writes the newline
                }
                synchronized (terminal) {
                    if (!last.isEmpty()) terminal.writer().println();
                    terminal.writer().flush();
                    terminal.setAttributes(saved);
                }
            }
        };
    }

    @Override public Trap onInterrupt(Runnable action) {
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> action.run());
        return () -> terminal.handle(Terminal.Signal.INT, previous);
    }

    @Override public void close() {
        terminal.writer().flush();
    }
}
