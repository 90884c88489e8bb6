package concurrence.journal;

import concurrence.i18n.Messages;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-user journal: every finished run, and every page looked at, one JSON line each in
 * {@code $XDG_STATE_HOME/concurrence/journal.jsonl} (by default {@code ~/.local/state/concurrence/}).
 *
 * <pre>{@code
 * Journal journal = Journal.open(Journal.defaultDir(System.getenv()), messages);
 * journal.problem().ifPresent(System.err::println);        // no journal: said once, the app goes on
 * journal.record(run).ifPresent(System.err::println);      // a write that failed: said, nothing else lost
 * Journal.Contents c = journal.read();                     // damaged lines skipped, each with a warning
 * Progress p = Progress.of(c.entries());
 * }</pre>
 *
 * <p><b>Why nothing is lost.</b> A line is appended with one write on a file opened in append mode,
 * then forced to disk ({@code fsync}); so a crash or a full disk can only cut the line being
 * written, and an append that fails is cut back to where it started. A line left incomplete by a
 * crash is followed by a newline before the next one, so it damages only itself, and reading skips
 * it with a warning. Writers on this machine take the file's lock (an {@code fcntl} lock, which
 * the kernel frees if the holder dies) around the append, so two processes appending at once
 * never interleave; readers take it shared. Within this JVM the same file is also guarded by one
 * monitor per file ({@link #MONITORS}): a JVM may not hold two locks on one file, and closing any
 * channel of a file drops the process's {@code fcntl} locks on it, so no channel of the journal is
 * opened or closed by another thread while one is locked.
 *
 * <p>The directory is {@code 0700}, the file {@code 0600}: only its owner reads it.
 */
public final class Journal {
    public static final String FILE = "journal.jsonl";

    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    /** One monitor per journal file in this JVM; see the class comment. */
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private final Path dir;
    private final Path file;
    private final Messages m;
    private final Optional<String> problem;

    private Journal(Path dir, Messages m, Optional<String> problem) {
        this.dir = dir.toAbsolutePath().normalize();
        this.file = this.dir.resolve(FILE);
        this.m = m;
        this.problem = problem;
    }

    /** What a read found: the entries in order, and one warning per line skipped. */
    public record Contents(List<Entry> entries, List<String> warnings) {
        public Contents {
            entries = List.copyOf(entries);
            warnings = List.copyOf(warnings);
        }

        public List<Entry.Run> runs() {
            return entries.stream().filter(e -> e instanceof Entry.Run).map(e -> (Entry.Run) e).toList();
        }
    }

    /**
     * {@code $XDG_STATE_HOME/concurrence} when that variable holds an absolute path (as the XDG
     * specification asks), else {@code $HOME/.local/state/concurrence}; empty when the
     * environment has neither (then there is no journal, rather than one in a guessed place).
     */
    public static Optional<Path> defaultDir(Map<String, String> env) {
        String state = env.get("XDG_STATE_HOME");
        if (state != null && !state.isBlank() && Path.of(state).isAbsolute()) return Optional.of(Path.of(state, "concurrence"));
        String home = env.get("HOME");
        if (home == null || home.isBlank()) return Optional.empty();
        return Optional.of(Path.of(home, ".local", "state", "concurrence"));
    }

    /** The journal in its default place for {@code env}, or none if the environment names no home. */
    public static Journal openDefault(Map<String, String> env, Messages m) {
        return defaultDir(env).map(dir -> open(dir, m)).orElseGet(() -> off(Path.of(""), m, m.get("journal.no.home")));
    }

    /**
     * The journal in {@code dir}, created if needed ({@code 0700}, file {@code 0600}). Never
     * throws: when the directory or the file cannot be written, the journal is off, and
     * {@link #problem()} says why, naming the path.
     */
    public static Journal open(Path dir, Messages m) {
        try {
            prepare(dir);
            return new Journal(dir, m, Optional.empty());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return new Journal(dir, m, Optional.of(m.get("journal.unavailable", dir.resolve(FILE), reason(e, m))));
        }
    }

    /** A journal that keeps nothing, for tests and {@code --no-journal}. */
    public static Journal off(Path dir, Messages m, String why) { return new Journal(dir, m, Optional.of(why)); }

    public Path dir() { return dir; }

    public Path file() { return file; }

    /** Why there is no journal, if there is none. */
    public Optional<String> problem() { return problem; }

    public boolean available() { return problem.isEmpty(); }

    private static void prepare(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw new IOException(dir + " is not a directory");
        }
        tighten(dir, DIR_MODE);
        Path file = dir.resolve(FILE);
        FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                LinkOption.NOFOLLOW_LINKS), fileMode()).close();   // created or already there, and writable
        tighten(file, FILE_MODE);
    }

    /** Takes away group and other permissions from what we own (a directory made by hand, a umask). */
    private static void tighten(Path p, Set<PosixFilePermission> mode) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) return;
        if (!view.readAttributes().permissions().equals(mode)) view.setPermissions(mode);
    }

    private static FileAttribute<Set<PosixFilePermission>> fileMode() { return PosixFilePermissions.asFileAttribute(FILE_MODE); }

    private Object monitor() { return MONITORS.computeIfAbsent(file, f -> new Object()); }

    /**
     * Appends one entry as one line, under the file's lock, and forces it to disk.
     *
     * @throws IOException when it could not be written (the file is left as it was)
     */
    public void append(Entry entry) throws IOException {
        if (problem.isPresent()) throw new IOException(problem.get());
        byte[] line = (JournalCodec.encode(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (monitor()) {
            try (FileChannel out = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS), fileMode());
                 FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                FileLock lock = out.lock();
                try {
                    appendLocked(out, in, line);
                } finally {
                    lock.release();
                }
            }
        }
    }

    /** The append itself, under the lock: a newline first if the last line was cut, then one write, then fsync. */
    private static void appendLocked(FileChannel out, FileChannel in, byte[] line) throws IOException {
        long size = out.size();
        boolean cut = false;
        if (size > 0) {
            ByteBuffer last = ByteBuffer.allocate(1);
            cut = in.read(last, size - 1) == 1 && last.get(0) != '\n';
        }
        ByteBuffer buffer = ByteBuffer.allocate(line.length + (cut ? 1 : 0));
        if (cut) buffer.put((byte) '\n');
        buffer.put(line).flip();
        try {
            while (buffer.hasRemaining()) out.write(buffer);
            out.force(true);
        } catch (IOException e) {
            try {
                out.truncate(size);
            } catch (IOException ignored) {
                // the next append starts a fresh line anyway
            }
            throw e;
        }
    }

    /** Appends, and says in a sentence why not if it could not: the caller prints it and goes on. */
    public Optional<String> record(Entry entry) {
        if (problem.isPresent()) return Optional.empty();   // said once already, at open
        try {
            append(entry);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(m.get("journal.write.failed", file, reason(e, m)));
        }
    }

    /** Reads every line, under the shared lock; a damaged line is skipped with a warning naming the file and line. */
    public Contents read() {
        if (problem.isPresent()) return new Contents(List.of(), List.of());
        byte[] bytes;
        synchronized (monitor()) {
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                FileLock lock = in.lock(0, Long.MAX_VALUE, true);
                try {
                    long size = in.size();
                    if (size > Integer.MAX_VALUE - 16) throw new IOException("journal larger than 2 GB");
                    ByteBuffer buffer = ByteBuffer.allocate((int) size);
                    while (buffer.hasRemaining() && in.read(buffer) >= 0) {
                        // read it all
                    }
                    bytes = buffer.array();
                } finally {
                    lock.release();
                }
            } catch (NoSuchFileException e) {
                return new Contents(List.of(), List.of());
            } catch (IOException e) {
                return new Contents(List.of(), List.of(m.get("journal.read.failed", file, reason(e, m))));
            }
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), file, m);
    }

    /** Parses the text of a journal; public for tests and tools. */
    public static Contents parse(String text, Path file, Messages m) {
        List<Entry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            boolean last = i == lines.length - 1;   // no newline after it: a write that never finished
            try {
                entries.add(JournalCodec.decode(line));
            } catch (JournalCodec.BadLine e) {
                warnings.add(m.get("journal.damaged.line", file, i + 1,
                        last ? m.get("journal.damaged.incomplete", e.getMessage()) : e.getMessage()));
            }
        }
        return new Contents(entries, warnings);
    }

    /**
     * Forgets everything: the journal is moved aside to {@code journal-YYYYMMDD-HHMMSS.jsonl.bak}
     * in the same directory (never deleted), and the next run starts a new one.
     *
     * @return where the old journal went, or empty if there was none (or it was empty)
     */
    public Optional<Path> reset() throws IOException {
        if (problem.isPresent()) throw new IOException(problem.get());
        synchronized (monitor()) {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS)) {
                FileLock lock = out.lock();
                try {
                    if (out.size() == 0) return Optional.empty();
                    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
                    Path backup = dir.resolve("journal-" + stamp + ".jsonl.bak");
                    for (int n = 1; Files.exists(backup, LinkOption.NOFOLLOW_LINKS); n++)
                        backup = dir.resolve("journal-" + stamp + "-" + n + ".jsonl.bak");
                    Files.move(file, backup, StandardCopyOption.ATOMIC_MOVE);
                    return Optional.of(backup);
                } finally {
                    lock.release();
                }
            }
        }
    }

    /** A short reason for a failed file operation, in the user's language where we know it. */
    static String reason(Throwable e, Messages m) {
        String message = e.getMessage();
        return switch (e) {
            case java.nio.file.AccessDeniedException a -> m.get("journal.reason.denied");
            case java.nio.file.FileSystemException f when f.getReason() != null -> f.getReason();
            default -> message != null ? message : e.getClass().getSimpleName();
        };
    }
}
