package concurrence.engine.python;

import concurrence.engine.RuntimeKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Test helpers: the machine's real python3, and fake interpreters written as small shell scripts. */
final class Fakes {
    private Fakes() {}

    private static Optional<Interpreter> real;

    /** The python3 this machine runs for the {@code python} runtime; the test is skipped, saying why, if there is none. */
    static synchronized Interpreter realPython() {
        if (real == null) {
            Pythons found = new PythonFinder(System.getenv(), Duration.ofSeconds(20)).search(Optional.empty());
            real = found.interpreterFor(RuntimeKind.PYTHON);
        }
        assumeTrue(real.isPresent(), "no python3 with a GIL on this machine's PATH: the real-CPython tests are skipped");
        return real.get();
    }

    /**
     * Whether a process has stopped running: gone, or a zombie waiting to be reaped (a killed
     * orphan is reaped by init, which on some machines takes its time; it runs nothing meanwhile).
     * Waits up to five seconds for it.
     */
    static boolean stopped(long pid) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            var h = ProcessHandle.of(pid);
            if (h.isEmpty() || !h.get().isAlive()) return true;
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                char state = stat.charAt(stat.lastIndexOf(')') + 2);
                if (state == 'Z' || state == 'X') return true;
            } catch (IOException e) {
                return true;   // gone from /proc
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** An executable shell script {@code name} in {@code dir}. */
    static Path script(Path dir, String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    /** What the probe prints, for a fake that claims to be a Python. */
    static String probeAnswer(String version, boolean freeThreaded, String executable) {
        return "echo '{\"concurrence_probe\": 1, \"version\": [" + version.replace('.', ',') + "], \"executable\": \""
                + executable + "\", \"implementation\": \"cpython\", \"free_threaded_build\": " + freeThreaded
                + ", \"gil_enabled\": " + !freeThreaded + ", \"start_method\": \"fork\"}'";
    }

    /** An interpreter record for a fake script, as if the finder had accepted it. */
    static Interpreter interpreter(Path script) {
        return new Interpreter(new Interpreter.Origin(Interpreter.Origin.Kind.OPTION, script.toString()), script, script,
                new PythonVersion(3, 11, 7), "cpython", false, true, "fork");
    }

    /** A finder that sees only {@code path} as its PATH, with no CONCURRENCE_PYTHON unless given. */
    static PythonFinder finder(Path path, Duration timeout, Map<String, String> extra) {
        var env = new java.util.HashMap<>(extra);
        env.put("PATH", path.toString());
        return new PythonFinder(env, timeout);
    }
}
