package concurrence.engine.python;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a child's output on a thread of its own, keeping only its last {@code limit} bytes, so a
 * chatty child never blocks on a full pipe and never fills memory.
 *
 * <pre>{@code
 * OutputCapture err = OutputCapture.start(process.getErrorStream(), 8192, "python-stderr");
 * ...
 * String tail = err.text(1000);    // waits up to a second for the end of the stream
 * }</pre>
 *
 * <p>The buffer is guarded by this object's monitor: the draining thread appends, any thread reads.
 */
final class OutputCapture {
    private final byte[] ring;
    private final Thread thread;
    // Guarded by this.
    private long written;

    private OutputCapture(InputStream in, int limit, String name) {
        ring = new byte[limit];
        thread = Thread.ofVirtual().name(name).start(() -> drain(in));
    }

    static OutputCapture start(InputStream in, int limit, String name) { return new OutputCapture(in, limit, name); }

    private void drain(InputStream in) {
        byte[] buffer = new byte[4096];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) append(buffer, n);
        } catch (IOException e) {
            // the process is gone
        }
    }

    private synchronized void append(byte[] buffer, int n) {
        for (int i = 0; i < n; i++) ring[(int) (written++ % ring.length)] = buffer[i];
    }

    /** The last bytes read, as text; waits up to {@code millis} for the stream to end first. */
    String text(long millis) {
        try {
            thread.join(java.time.Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            int size = (int) Math.min(written, ring.length);
            byte[] out = new byte[size];
            long from = written - size;
            for (int i = 0; i < size; i++) out[i] = ring[(int) ((from + i) % ring.length)];
            return new String(out, StandardCharsets.UTF_8);
        }
    }
}
