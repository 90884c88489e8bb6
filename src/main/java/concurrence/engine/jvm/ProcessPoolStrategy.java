package concurrence.engine.jvm;

import concurrence.engine.Cancellation;
import concurrence.engine.Recorder;
import concurrence.engine.SystemClock;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * reader thread, after the first, which the reader also sends. The calling thread only waits on a
 * latch, kills every child if the run is cancelled, and at the end reads each child's peak memory
 * from {@code /proc} before closing its stdin.
 * A shutdown hook destroys every descendant when this JVM exits; the children also exit by
 * themselves when their standard input closes (see {@link ChildMain}).
 */
public final class ProcessPoolStrategy implements JvmStrategy {
    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly), "kill-children"));
    }

    /** Whether {@link #prepare()} has started its warm-up child in this JVM. */
    private static final AtomicBoolean warmedUp = new AtomicBoolean();

    /** The child JVM's options: small heap, serial GC (G1 would grow to 250 MiB), no perf file. */
    private static final List<String> CHILD_OPTIONS = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss512k");

    /**
     * The start-up cache the children use, found or made by {@link #prepare()} before the start
     * gate; null when there is none. Volatile: read by whichever thread runs the strategy.
     */
    private static volatile Path cacheInUse;

    /** The child JVM's command line, with the start-up cache when there is one. */
    static List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(CHILD_OPTIONS);
        Path cache = cacheInUse;
        if (cache != null) cmd.addAll(StartupCache.CURRENT.use(cache));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildMain.class.getName()));
        return cmd;
    }

    /**
     * How a child JVM starts faster: with an ahead-of-time cache from JDK 25 on (classes loaded
     * and linked, method profiles: five children say ready in about 30 ms each instead of 45),
     * with a dynamic class-data archive before.
     */
    enum StartupCache {
        AOT_CACHE("aot"), CLASS_DATA_ARCHIVE("jsa");

        static final StartupCache CURRENT = Runtime.version().feature() >= 25 ? AOT_CACHE : CLASS_DATA_ARCHIVE;

        final String extension;

        StartupCache(String extension) { this.extension = extension; }

        /** The options that make a JVM write the cache to {@code file} as it exits. */
        List<String> create(Path file) {
            return switch (this) {
                case AOT_CACHE -> List.of("-XX:AOTCacheOutput=" + file, "-Xlog:aot=off,cds=off");
                case CLASS_DATA_ARCHIVE -> List.of("-XX:ArchiveClassesAtExit=" + file, "-Xlog:cds=off,cds+dynamic=off");
            };
        }

        /** The options that make a JVM start from the cache in {@code file}, or without it if it does not fit. */
        List<String> use(Path file) {
            return switch (this) {
                case AOT_CACHE -> List.of("-XX:AOTCache=" + file, "-Xlog:aot=off,cds=off");
                case CLASS_DATA_ARCHIVE -> List.of("-XX:SharedArchiveFile=" + file, "-Xlog:cds=off,cds+dynamic=off");
            };
        }
    }

    /**
     * Gets ready to start children, outside any measurement (the runner calls this before its
     * start gate, as the notebook imports its modules before {@code %time}): makes their start-up
     * cache if needed, then, the first time in this JVM, starts and stops one child, which loads
     * the process-launching classes and brings the child's files into the page cache.
     */
    static void prepare() {
        cacheInUse = cacheLocation().flatMap(ProcessPoolStrategy::ensureCache).orElse(null);
        if (!warmedUp.compareAndSet(false, true)) return;   // once per JVM
        try {
            Process child = new ProcessBuilder(command())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            child.getOutputStream().close();
            if (!child.waitFor(10, TimeUnit.SECONDS)) child.destroyForcibly();
        } catch (IOException e) {
            // the run itself will say that children cannot start
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The children's start-up cache at {@code cache}, made if it is missing or older than the jar:
     * one child JVM runs a task of each kind and writes the cache as it exits. Costs about 1.5 s,
     * once per build of the jar; empty where it cannot be made (children then simply start
     * without it).
     */
    private static Optional<Path> ensureCache(Path cache) {
        try {
            if (fresh(cache)) return Optional.of(cache);
            Path partial = Files.createTempFile(cache.getParent(), "child-", ".part");
            Files.delete(partial);
            List<String> cmd = new ArrayList<>();
            cmd.add(javaBinary());
            cmd.addAll(CHILD_OPTIONS);
            cmd.addAll(StartupCache.CURRENT.create(partial));
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildMain.class.getName(), ChildMain.EXIT_NORMALLY));
            Process dump = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // A task of each kind runs what a real child runs, then stdin closes: the child exits and
            // writes the cache. A cpu task of a few tenths of a second leaves method profiles in an
            // AOT cache, with which a child's loop reaches compiled speed about 10 ms sooner.
            try (OutputStream in = dump.getOutputStream()) {
                in.write("io 0 1000\ncpu 1 300000000 1000000\n".getBytes(StandardCharsets.US_ASCII));
            }
            boolean made = dump.waitFor(30, TimeUnit.SECONDS) && dump.exitValue() == 0 && Files.isRegularFile(partial)
                    && Files.size(partial) > 0;
            if (made) {
                Files.move(partial, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                deleteOtherCaches(cache);
            } else dump.destroyForcibly();
            Files.deleteIfExists(partial);
            Files.deleteIfExists(Path.of(partial + ".config"));   // AOTCacheOutput's training data
            return made ? Optional.of(cache) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // no cache: the children start a little slower
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Whether {@code cache} exists and was made after the jar it belongs to. */
    private static boolean fresh(Path cache) throws IOException {
        Path jar = Path.of(System.getProperty("java.class.path"));
        return Files.isRegularFile(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0;
    }

    /**
     * Where this jar's caches start their names in the user's cache folder: a cache fits one jar
     * at one path (a checkout and an installed copy each keep their own).
     */
    private static String jarPrefix(Path jar) {
        return "child-jar" + Integer.toHexString(jar.toAbsolutePath().normalize().toString().hashCode()) + "-";
    }

    /**
     * This jar's caches for other JDKs (and, in the user's folder, those named the way version
     * 0.1 did): a JVM can only use one made by itself from the same jar.
     */
    private static void deleteOtherCaches(Path keep) throws IOException {
        String mine = keep.getFileName().toString();
        boolean besideJar = mine.startsWith("child-") && !mine.startsWith("child-jar");
        String prefix = besideJar ? "child-" : mine.substring(0, mine.indexOf('-', "child-jar".length()) + 1);
        try (var files = Files.newDirectoryStream(keep.getParent(), "child-*.{aot,jsa}")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                boolean old = name.startsWith(prefix) || !besideJar && name.matches("child-[0-9].*");
                if (old && !file.equals(keep)) Files.deleteIfExists(file);
            }
        }
    }

    private static String javaBinary() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    /**
     * Where the children's cache is, or is to be made: beside the jar when it is there and fresh
     * (an install made it for everybody) or when that folder is writable (a checkout's
     * {@code target/}); otherwise {@code ~/.cache/concurrence/child-jar<hash of the jar's
     * path>-<java version>.aot} (or {@code .jsa}), in a folder only the user can read. About
     * 11 MB. Empty when the class path is not one jar (tests run from folders) or no folder fits.
     */
    private static Optional<Path> cacheLocation() {
        String classPath = System.getProperty("java.class.path");
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) return Optional.empty();
        String name = Runtime.version() + "." + StartupCache.CURRENT.extension;
        try {
            Path jarDir = Path.of(classPath).toAbsolutePath().getParent();
            Path beside = jarDir.resolve("child-" + name);
            if (fresh(beside) || Files.isWritable(jarDir)) return Optional.of(beside);
            String cache = System.getenv("XDG_CACHE_HOME");
            Path dir = (cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache"))
                    .resolve("concurrence");
            Files.createDirectories(dir);
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix"))
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            return Optional.of(dir.resolve(jarPrefix(Path.of(classPath)) + name));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override public List<Long> execute(JvmRun run) throws InterruptedException {
        int workers = run.spec().effectiveWorkers();
        int tasks = run.spec().tasks();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(tasks);
        AtomicReference<String> failure = new AtomicReference<>();
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
                    child = new ProcessBuilder(command()).start();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start a child JVM: " + e.getMessage(), e);
                }
                synchronized (children) {
                    children.add(child);
                }
                if (run.cancel().isCancelled()) child.destroyForcibly();
                int worker = w;
                Thread reader = new Thread(() -> read(run, worker, child, next, finished, failure), "child-" + (w + 1));
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
            // Done: note each child's peak memory, close its stdin so that it exits, and wait for
            // it, so that its CPU time is counted among the children's.
            List<Long> peaks = children.stream().map(child -> SystemClock.peakResidentBytes(child.pid())).toList();
            for (Process child : children) closeQuietly(child.getOutputStream());
            for (Thread reader : readers) reader.join(5_000);
            for (Process child : children) {
                if (!child.waitFor(5, TimeUnit.SECONDS)) child.destroyForcibly().waitFor();
            }
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
                             AtomicReference<String> failure) {
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
                        recorder.workerStarted(worker, "process-" + (worker + 1) + " (pid " + child.pid() + ")", child.pid());
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
