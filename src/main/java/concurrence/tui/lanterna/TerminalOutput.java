package concurrence.tui.lanterna;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The terminal's output: one 64 KiB buffer, flushed once per frame (by the screen's refresh), so
 * a frame leaves in one {@code write(2)} instead of one per escape sequence, and never torn.
 *
 * <pre>{@code
 * var out = new TerminalOutput(new FileOutputStream(FileDescriptor.out));
 * }</pre>
 *
 * <p>One exception: Lanterna asks the terminal for its size ({@code ESC[6n}) and waits for the
 * answer without flushing; a plain buffer would hold the question back and stall the start for
 * 5 s. The question goes out in one {@code write} call, so it is flushed at once here. Writes
 * and flushes are guarded by this stream's monitor (the resize signal's thread writes too).
 */
public final class TerminalOutput extends BufferedOutputStream {
    public TerminalOutput(OutputStream out) { super(out, 1 << 16); }

    @Override public synchronized void write(byte[] b, int off, int len) throws IOException {
        super.write(b, off, len);
        if (len >= 2 && b[off + len - 2] == '6' && b[off + len - 1] == 'n') flush();
    }
}
