package concurrence.engine.python;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bridge running in a CPython: started in its private directory, its output read line by line,
 * watched so that it can neither fall silent nor run for ever, and killed with all its children.
 *
 * <pre>{@code
 * try (BridgeProcess bridge = BridgeProcess.start(python, false, List.of("run", "--strategy", "threads"), limits, base)) {
 *     cancel.onCancel(bridge::kill);
 *     for (String line; (line = bridge.readLine()) != null; ) handle(line);
 *     int exit = bridge.waitFor();
 * }   // the whole process tree is dead and the directory deleted
 * }</pre>
 *
 * <p><b>Threads.</b> One thread reads the output (the caller of {@link #readLine}); a virtual
 * thread drains the standard error into a bounded buffer; a watchdog thread looks every 100 ms at
 * the time of the last line (a volatile written by the reader) and at the run's deadline, and on
 * either kills the tree after recording why in {@code ending} (set once, by compare-and-set, so a
 * cancel and a timeout cannot both claim the end). The bridge's standard input stays open and
 * unused: when this JVM dies, however it dies, the pipe closes and the bridge exits (see
 * {@code bridge.py}); a shutdown hook kills every tree still alive when the JVM exits normally.
 */
final class BridgeProcess implements AutoCloseable {
    /** How a run ended, when something other than the bridge ended it. */
    enum Ending { NATURAL, KILLED, SILENT, TIMED_OUT }

    /** No line for {@code silence} (the bridge ticks every second), or still running after {@code overall}: kill. */
    record Limits(Duration silence, Duration overall) {
        Limits {
            if (silence.isNegative() || silence.isZero() || overall.isNegative() || overall.isZero())
                throw new IllegalArgumentException("limits are positive durations");
        }
    }

    private static final int MAX_LINE = 1 << 20;
    /** Every bridge not yet closed, so that the JVM's exit (Ctrl-C, SIGTERM, SIGHUP) can end them and clean up. */
    private static final Set<BridgeProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(BridgeProcess::close), "kill-pythons"));
    }

    private final Process process;
    private final RunDirectory dir;
    private final OutputCapture stderr;
    private final InputStream out;
    private final Limits limits;
    private final long started = System.nanoTime();
    private final AtomicReference<Ending> ending = new AtomicReference<>(Ending.NATURAL);
    private volatile long lastLine = System.nanoTime();
    /** Every process a kill was sent to, so that {@link #close} can wait until they are gone. */
    private final Set<ProcessHandle> killed = ConcurrentHashMap.newKeySet();

    private BridgeProcess(Process process, RunDirectory dir, Limits limits) {
        this.process = process;
        this.dir = dir;
        this.limits = limits;
        this.out = new BufferedInputStream(process.getInputStream(), 1 << 16);
        this.stderr = OutputCapture.start(process.getErrorStream(), 8 * 1024, "python-stderr");
        Thread.ofVirtual().name("python-watchdog").start(this::watch);
    }

    /**
     * Writes the bridge into a new private directory and starts it; a free-threaded build is run
     * with its GIL off ({@code -X gil=0}, and {@code PYTHON_GIL=0} for its children).
     */
    static BridgeProcess start(Interpreter python, boolean gilOff, List<String> bridgeArgs, Limits limits,
                               Optional<Path> base) {
        RunDirectory dir = RunDirectory.create(base, System.getenv());
        List<String> command = new ArrayList<>(List.of(python.executable().toString(), "-I", "-B"));
        if (gilOff) command.addAll(List.of("-X", "gil=0"));
        command.add(dir.script().toString());
        command.addAll(bridgeArgs);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.path().toFile());
        Map<String, String> env = pb.environment();
        env.put("TMPDIR", dir.path().toString());
        if (gilOff) env.put("PYTHON_GIL", "0");
        try {
            BridgeProcess bridge = new BridgeProcess(pb.start(), dir, limits);
            LIVE.add(bridge);
            return bridge;
        } catch (IOException e) {
            dir.close();
            throw new PythonException(new PythonFault.CannotStart(python.describe(), e.getMessage()));
        }
    }

    /** The next line of output, or null at its end; a line longer than 1 MiB comes back cut (and will not parse). */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = out.read()) >= 0 && b != '\n') if (line.size() < MAX_LINE) line.write(b);
        if (b < 0 && line.size() == 0) return null;
        lastLine = System.nanoTime();
        return line.toString(StandardCharsets.UTF_8);
    }

    /** Kills the whole tree now (a cancel, a quit); the reader then sees the end of the output. */
    void kill() { end(Ending.KILLED); }

    private void end(Ending why) {
        ending.compareAndSet(Ending.NATURAL, why);
        killed.addAll(ProcessTree.kill(process.toHandle()));
    }

    Ending ending() { return ending.get(); }

    private void watch() {
        try {
            while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                if (now - lastLine > limits.silence().toNanos()) end(Ending.SILENT);
                else if (now - started > limits.overall().toNanos()) end(Ending.TIMED_OUT);
            }
        } catch (InterruptedException e) {
            // the run is over
        }
    }

    /** Waits for the bridge to exit (killing it after 5 s) and returns its exit code. */
    int waitFor() throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.SECONDS)) ProcessTree.killAndWait(process.toHandle(), 2_000);
        return process.waitFor();
    }

    /** The end of what it wrote on its standard error. */
    String stderr() { return stderr.text(1_000); }

    long pid() { return process.pid(); }

    /** Kills whatever is left of the tree, waits until every process of it is gone, and deletes the private directory; idempotent. */
    @Override public void close() {
        if (process.isAlive()) killed.addAll(ProcessTree.kill(process.toHandle()));
        ProcessTree.awaitExit(killed, 3_000);
        try {
            out.close();
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed
        }
        LIVE.remove(this);
        dir.close();
    }
}
