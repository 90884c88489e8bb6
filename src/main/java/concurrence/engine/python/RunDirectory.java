package concurrence.engine.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A private directory for one run of the bridge: created with a random name and owner-only
 * permissions (lab machines are shared: nobody else may read, replace or add a file in it),
 * holding {@code bridge.py}; it is also the bridge's working directory and {@code TMPDIR}, so that
 * whatever multiprocessing creates there (the fork server's socket) goes when it goes.
 *
 * <pre>{@code
 * try (RunDirectory dir = RunDirectory.create(Optional.empty(), System.getenv())) {
 *     new ProcessBuilder(python, "-I", "-B", dir.script().toString(), "run", ...).directory(dir.path().toFile());
 * }   // deleted, with everything in it
 * }</pre>
 *
 * <p>It goes under {@code $XDG_RUNTIME_DIR} (a per-user directory, emptied at logout) when there
 * is one, else under {@code java.io.tmpdir}; {@link Files#createTempDirectory} picks an
 * unpredictable name and creates it with its permissions at once, so there is no moment when
 * another user could reach it.
 */
final class RunDirectory implements AutoCloseable {
    static final String SCRIPT = "bridge.py";
    private static final String RESOURCE = "/concurrence/python/" + SCRIPT;
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path path;

    private RunDirectory(Path path) { this.path = path; }

    /** A new directory under {@code base} (or the default place) with the bridge written in it. */
    static RunDirectory create(Optional<Path> base, Map<String, String> env) {
        Path parent = base.orElseGet(() -> defaultBase(env));
        Path dir;
        try {
            dir = POSIX
                    ? Files.createTempDirectory(parent, "concurrence-", PosixFilePermissions.asFileAttribute(
                            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)))
                    : Files.createTempDirectory(parent, "concurrence-");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new PythonException(new PythonFault.NoPrivateDirectory(parent.toString(), String.valueOf(e.getMessage())));
        }
        RunDirectory run = new RunDirectory(dir);
        try (InputStream in = RunDirectory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IOException("the bridge " + RESOURCE + " is missing from the jar");
            Files.copy(in, run.script());
            if (POSIX) Files.setPosixFilePermissions(run.script(), PosixFilePermissions.fromString("r--------"));
        } catch (IOException e) {
            run.close();
            throw new PythonException(new PythonFault.NoPrivateDirectory(dir.toString(), String.valueOf(e.getMessage())));
        }
        return run;
    }

    private static Path defaultBase(Map<String, String> env) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            Path p = Path.of(runtime);
            if (p.isAbsolute() && Files.isDirectory(p) && Files.isWritable(p)) return p;
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    Path path() { return path; }

    Path script() { return path.resolve(SCRIPT); }

    /** Deletes the directory and whatever the run left in it; a file that will not go is left, never thrown. */
    @Override public void close() {
        if (!Files.exists(path)) return;
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    if (POSIX && Files.isDirectory(p)) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // still in use: the next look at it will find it gone or going
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // vanished while we walked it
        }
    }
}
