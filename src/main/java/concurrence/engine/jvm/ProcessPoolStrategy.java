package concurrence.engine.jvm;

import concurrence.engine.Cancellation;
import concurrence.engine.Recorder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The notebook's {@code ProcessPoolExecutor(max_workers=5)}: a pool of child JVMs started for the
 * run, each taking the next task when it is free. Their start-up is part of the measured time, as
 * in Python; each gets the parent's calibrated amount of cpu work, so a task costs the same
 * everywhere.
 *
 * <pre>{@code
 * Process child = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", classpath,
 *         "concurrence.engine.jvm.ChildMain").start();
 * child.getOutputStream().write("cpu 3 1000000000 1000000\n".getBytes());   // task 3
 * }</pre>
 *
 * <p><b>Threads and state.</b> One daemon reader thread per child reads its reports; when a child
 * says a task ended, its reader sends it the next one, taken from a shared {@link AtomicInteger},
 * so no lock is needed to hand out tasks. Writes to one child's stdin come only from its own
 * reader thread, after the first, which the reader also sends. {@code peakRss} has one writer per
 * index. The calling thread only waits on a latch, and kills every child if the run is cancelled.
 * A shutdown hook destroys every descendant when this JVM exits; the children also exit by
 * themselves when their standard input closes (see {@link ChildMain}).
 */
public final class ProcessPoolStrategy implements JvmStrategy {
    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly), "kill-children"));
    }

    /**
     * The child JVM's command line: small heap, serial GC (G1 would grow to 250 MiB), no perf file,
     * and the class-data archive made by {@link #prepare()} when there is one.
     */
    static List<String> command(String mainClass) {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx64m", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss512k"));
        archivePath().filter(Files::isRegularFile).ifPresent(archive -> {
            cmd.add("-XX:SharedArchiveFile=" + archive);
            cmd.add("-Xlog:cds=off,cds+dynamic=off");
        });
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        return cmd;
    }

    /**
     * Makes the children's class-data archive if it is missing or older than the jar: one child
     * JVM started with {@code -XX:ArchiveClassesAtExit}, outside any measurement (the runner
     * calls this before its start gate). Five children then start in about 180 ms instead of
     * 280 ms on two cores. Costs about half a second, once per build of the jar; where it cannot
     * be made, children simply start without it.
     */
    static void prepare() {
        Optional<Path> target = archivePath();
        if (target.isEmpty()) return;
        Path archive = target.get();
        Path jar = Path.of(System.getProperty("java.class.path"));
        try {
            if (Files.isRegularFile(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) return;
            Path partial = Files.createTempFile(archive.getParent(), "child-", ".jsa.part");
            Files.delete(partial);
            Process dump = new ProcessBuilder(javaBinary(), "-Xmx64m", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss512k",
                    "-XX:ArchiveClassesAtExit=" + partial, "-Xlog:cds=off,cds+dynamic=off",
                    "-cp", jar.toString(), ChildMain.class.getName(), ChildMain.EXIT_NORMALLY)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // A first task warms the classes a real child loads, then stdin closes: the child exits and writes the archive.
            try (OutputStream in = dump.getOutputStream()) {
                in.write("io 0 1000\ncpu 1 1000 100\n".getBytes(StandardCharsets.US_ASCII));
            }
            if (dump.waitFor(20, TimeUnit.SECONDS) && dump.exitValue() == 0 && Files.size(partial) > 0)
                Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            else dump.destroyForcibly();
            Files.deleteIfExists(partial);
        } catch (IOException | RuntimeException e) {
            // no archive: the children start a little slower
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBinary() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    /**
     * {@code ~/.cache/concurrence/child-<java version>.jsa}, in a directory only the user can
     * read; empty when the class path is not one jar (tests run from directories) or the
     * directory cannot be made.
     */
    private static Optional<Path> archivePath() {
        String classPath = System.getProperty("java.class.path");
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) return Optional.empty();
        String cache = System.getenv("XDG_CACHE_HOME");
        Path dir = (cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("concurrence");
        try {
            Files.createDirectories(dir);
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix"))
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            return Optional.of(dir.resolve("child-" + Runtime.version() + ".jsa"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override public List<Long> execute(JvmRun run) throws InterruptedException {
        int workers = run.spec().effectiveWorkers();
        int tasks = run.spec().tasks();
        Recorder recorder = run.recorder();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(tasks);
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicLongArray rss = new AtomicLongArray(workers);
        List<Process> children = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        run.cancel().onCancel(() -> {
            synchronized (children) {
                children.forEach(Process::destroyForcibly);
            }
        });
        try {
            for (int w = 0; w < workers; w++) {
                Process child;
                try {
                    child = new ProcessBuilder(command(ChildMain.class.getName())).start();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start a child JVM: " + e.getMessage(), e);
                }
                synchronized (children) {
                    children.add(child);
                }
                if (run.cancel().isCancelled()) child.destroyForcibly();
                int worker = w;
                Thread reader = new Thread(() -> read(run, worker, child, next, finished, failure, rss), "child-" + (w + 1));
                reader.setDaemon(true);
                reader.start();
                readers.add(reader);
            }
            while (!finished.await(50, TimeUnit.MILLISECONDS)) {
                run.cancel().check();
                if (failure.get() != null) break;
            }
            run.cancel().check();
            if (failure.get() != null) throw new IllegalStateException(failure.get());
            // Done: close every stdin; each child reports its peak memory and exits; wait for it
            // (so that its CPU time is counted among the children's).
            for (Process child : children) closeQuietly(child.getOutputStream());
            for (Thread reader : readers) reader.join(5_000);
            for (Process child : children) {
                if (!child.waitFor(5, TimeUnit.SECONDS)) child.destroyForcibly().waitFor();
            }
            List<Long> peaks = new ArrayList<>();
            for (int w = 0; w < workers; w++) peaks.add(rss.get(w));
            return peaks;
        } finally {
            for (Process child : children) {
                if (child.isAlive()) {
                    child.destroyForcibly();
                    child.waitFor(2, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static void read(JvmRun run, int worker, Process child, AtomicInteger next, CountDownLatch finished,
                             AtomicReference<String> failure, AtomicLongArray rss) {
        Recorder recorder = run.recorder();
        OutputStream stdin = child.getOutputStream();
        StringBuilder errors = new StringBuilder();
        Thread drain = new Thread(() -> {
            try (var err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; )
                    synchronized (errors) {
                        if (errors.length() < 2_000) errors.append(line).append('\n');
                    }
            } catch (IOException e) {
                // the child is gone
            }
        }, "child-stderr");
        drain.setDaemon(true);
        drain.start();
        int running = -1;
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line; (line = out.readLine()) != null; ) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "ready" -> {
                        recorder.workerStarted(worker, "process-" + (worker + 1) + " (pid " + f[1] + ")", Long.parseLong(f[1]));
                        sendNext(run, stdin, next);
                    }
                    case "start" -> {
                        running = Integer.parseInt(f[1]);
                        recorder.taskStarted(worker, running);
                    }
                    case "progress" -> recorder.progress(Integer.parseInt(f[1]), Long.parseLong(f[2]) / 1e6);
                    case "end" -> {
                        recorder.taskFinished(worker, Integer.parseInt(f[1]));
                        running = -1;
                        finished.countDown();
                        sendNext(run, stdin, next);
                    }
                    case "rss" -> rss.set(worker, Long.parseLong(f[1]));
                    default -> { /* a stray line (a JVM warning on stdout): ignore it */ }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!run.cancel().isCancelled()) failure.compareAndSet(null, "child " + (worker + 1) + ": " + e.getMessage());
        }
        if (running >= 0 && !run.cancel().isCancelled()) {
            try {
                drain.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String exit = child.isAlive() ? "" : " (exit code " + child.exitValue() + ")";
            synchronized (errors) {
                failure.compareAndSet(null, "child process " + (worker + 1) + " died during task " + running + exit
                        + (errors.isEmpty() ? "" : ": " + errors.toString().strip()));
            }
        }
    }

    private static void sendNext(JvmRun run, OutputStream stdin, AtomicInteger next) {
        int task = next.getAndIncrement();
        if (task >= run.spec().tasks()) return;
        String line = run.isIo()
                ? "io " + task + " " + run.spec().taskNanos() + "\n"
                : "cpu " + task + " " + run.iterationsPerTask() + " " + run.chunkIterations() + "\n";
        try {
            stdin.write(line.getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(OutputStream s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed: the child is gone
        }
    }
}
