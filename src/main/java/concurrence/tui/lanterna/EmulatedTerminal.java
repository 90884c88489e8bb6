package concurrence.tui.lanterna;

import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * A terminal emulator in memory, for Lanterna's own ANSI terminal: it takes what the app writes
 * and throws it away, answers the app's size question ({@code ESC[6n}) with the size it has, and
 * sends keys as a real terminal sends them. The rehearsal plays on it, so that the app's start-up
 * cache holds the very code a student's terminal runs (escape sequences out, key decoding in).
 *
 * <pre>{@code
 * EmulatedTerminal t = new EmulatedTerminal(100, 30);
 * new FullScreen(config, env, err, t.terminal(), watcher, frameNanos).run();   // one thread
 * t.type(KeyType.ArrowRight);                                                 // another
 * t.resize(160, 45);
 * }</pre>
 *
 * <p><b>Threads.</b> The app's loop reads keys; the rehearsal types them and resizes; the loop
 * (or, during a resize, the rehearsal) writes the size question, whose answer goes in with the
 * keys. So the bytes waiting to be read are guarded by {@link #keys}'s monitor, and the size is
 * volatile.
 */
final class EmulatedTerminal {
    private final Keys keys = new Keys();
    private final Terminal terminal;
    private volatile int columns;
    private volatile int rows;

    EmulatedTerminal(int columns, int rows) {
        this.columns = columns;
        this.rows = rows;
        terminal = new ANSITerminal(keys, new TerminalOutput(new Screen()), StandardCharsets.UTF_8) {};
    }

    Terminal terminal() { return terminal; }

    /** Sends a key as an xterm does, through a tty: arrows as {@code ESC [ A..D}, Enter as NL, Tab as TAB. */
    void type(KeyType key) {
        keys.add(switch (key) {
            case ArrowUp -> "\033[A";
            case ArrowDown -> "\033[B";
            case ArrowRight -> "\033[C";
            case ArrowLeft -> "\033[D";
            case Enter -> "\n";   // the tty turns the CR a terminal sends into NL (icrnl, which Lanterna leaves on)
            case Tab -> "\t";
            default -> throw new IllegalArgumentException("not typed here: " + key);
        });
    }

    /** Sends a character, in UTF-8. */
    void type(char c) { keys.add(String.valueOf(c)); }

    /**
     * The window takes this size, and the app is told as a terminal tells it: Lanterna asks for
     * the size again (what its resize-signal handler does), and the answer comes in with the keys.
     */
    void resize(int columns, int rows) {
        this.columns = columns;
        this.rows = rows;
        try {
            terminal.getTerminalSize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the app draws: discarded, but for the size question, answered at once. */
    private final class Screen extends OutputStream {
        private static final byte[] QUESTION = {27, '[', '6', 'n'};
        private int matched;

        @Override public void write(int b) {
            matched = b == QUESTION[matched] ? matched + 1 : b == QUESTION[0] ? 1 : 0;
            if (matched == QUESTION.length) {
                matched = 0;
                keys.add("\033[" + rows + ";" + columns + "R");
            }
        }

        @Override public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) write(b[i]);
        }
    }

    /** What the terminal sends: bytes waiting to be read, guarded by this object's monitor. */
    private static final class Keys extends InputStream {
        private final ArrayDeque<Byte> waiting = new ArrayDeque<>();
        private boolean closed;

        synchronized void add(String text) {
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) waiting.add(b);
            notifyAll();
        }

        @Override public synchronized int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        /** Waits for at least one byte, then takes as many as are there (a terminal's read does the same). */
        @Override public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            while (waiting.isEmpty()) {
                if (closed) return -1;
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException();
                }
            }
            int n = 0;
            while (n < len && !waiting.isEmpty()) b[off + n++] = waiting.poll();
            return n;
        }

        @Override public synchronized int available() { return waiting.size(); }

        @Override public synchronized void close() {
            closed = true;
            notifyAll();
        }
    }
}
