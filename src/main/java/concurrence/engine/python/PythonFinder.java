package concurrence.engine.python;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import concurrence.engine.python.Interpreter.Origin;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the Pythons on this machine and asks each to describe itself.
 *
 * <pre>{@code
 * Pythons pythons = PythonFinder.system().search(Optional.of(Path.of("/opt/py/bin/python3.13t")));
 * pythons.found();      // each working interpreter: version, build, GIL, start method
 * pythons.rejected();   // each one set aside, and why (crashed, hung, too old, not a Python)
 * }</pre>
 *
 * <p>Candidates, in order: the path given with {@code --python}, the one in
 * {@code CONCURRENCE_PYTHON}, then on the {@code PATH} (each name where the shell would find it)
 * {@code python3}, {@code python3.N} newest first, and the free-threaded {@code python3.Nt}. Each
 * is run once with a tiny probe ({@code -E -s -c ...}, from the root directory so that no stray
 * {@code json.py} can answer for it) under a timeout; the probes run side by side. A candidate
 * that is the same file as an earlier one, or the same interpreter behind another name (a pyenv
 * shim, a symlink), is kept once. The result is cached for the life of the JVM, per {@code --python}
 * value; the cache is guarded by this finder's monitor.
 */
public final class PythonFinder {
    /** Prints one JSON line; runs on Python 2 as well, so that a too-old Python says its version. */
    static final String PROBE = String.join("\n",
            "import sys, json",
            "d = {'concurrence_probe': 1, 'version': list(sys.version_info[:3]), 'executable': sys.executable or ''}",
            "try:",
            "    d['implementation'] = sys.implementation.name",
            "except AttributeError:",
            "    d['implementation'] = 'python'",
            "try:",
            "    import sysconfig",
            "    d['free_threaded_build'] = bool(sysconfig.get_config_var('Py_GIL_DISABLED'))",
            "except Exception:",
            "    d['free_threaded_build'] = False",
            "try:",
            "    d['gil_enabled'] = bool(sys._is_gil_enabled())",
            "except AttributeError:",
            "    d['gil_enabled'] = True",
            "try:",
            "    import multiprocessing",
            "    d['start_method'] = multiprocessing.get_start_method()",
            "except Exception:",
            "    d['start_method'] = ''",
            "sys.stdout.write(json.dumps(d) + '\\n')",
            "");
    private static final Pattern NAME = Pattern.compile("python3(?:\\.(\\d+)(t?))?");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final PythonFinder SYSTEM = new PythonFinder(System.getenv(), DEFAULT_TIMEOUT);

    private final Map<String, String> env;
    private final Duration timeout;
    // Guarded by this.
    private final Map<Optional<Path>, Pythons> cache = new HashMap<>();

    /** For tests: another environment (its {@code PATH} and {@code CONCURRENCE_PYTHON}) and probe timeout. */
    public PythonFinder(Map<String, String> env, Duration probeTimeout) {
        this.env = Map.copyOf(env);
        this.timeout = probeTimeout;
    }

    /** This process's environment, probes timed out after 10 s; shared, so each search runs once per JVM. */
    public static PythonFinder system() { return SYSTEM; }

    /** Every candidate, probed; {@code option} is the {@code --python} path, if given. Cached. */
    public synchronized Pythons search(Optional<Path> option) {
        return cache.computeIfAbsent(option, o -> new Pythons(probeAll(candidates(o))));
    }

    /** A candidate: where it comes from and the file to run. */
    record Candidate(Origin origin, Path path) {}

    List<Candidate> candidates(Optional<Path> option) {
        List<Candidate> out = new ArrayList<>();
        option.ifPresent(p -> out.add(new Candidate(new Origin(Origin.Kind.OPTION, p.toString()), p)));
        String chosen = env.get(Origin.ENVIRONMENT_VARIABLE);
        if (chosen != null && !chosen.isBlank()) {
            Path p;
            try {
                p = Path.of(chosen.strip());
            } catch (InvalidPathException e) {
                p = Path.of(chosen.strip().replace("\0", ""));   // a NUL byte: no file has that name
            }
            out.add(new Candidate(new Origin(Origin.Kind.ENVIRONMENT, chosen), p));
        }
        out.addAll(onPath());
        // The same file twice (the option names python3 on the PATH, say): keep the first.
        Set<Path> seen = new HashSet<>();
        List<Candidate> unique = new ArrayList<>();
        for (Candidate c : out) if (seen.add(realPath(c.path()))) unique.add(c);
        return unique;
    }

    /** {@code python3}, {@code python3.N} newest first, {@code python3.Nt} newest first: each where the shell would find it. */
    private List<Candidate> onPath() {
        Map<String, Path> first = new LinkedHashMap<>();
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
            if (dir.isBlank()) continue;
            Path d;
            try {
                d = Path.of(dir);
            } catch (RuntimeException e) {
                continue;   // not a path
            }
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> files = Files.list(d)) {
                files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                        .filter(f -> Files.isRegularFile(f) && Files.isExecutable(f))
                        .sorted()
                        .forEach(f -> first.putIfAbsent(f.getFileName().toString(), f));
            } catch (IOException | SecurityException e) {
                // an unreadable PATH entry: the shell would skip it too
            }
        }
        return first.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Path> e) -> rank(e.getKey()))
                        .thenComparingInt(e -> -minor(e.getKey())))
                .map(e -> new Candidate(new Origin(Origin.Kind.PATH, e.getKey()), e.getValue()))
                .toList();
    }

    /** python3 first, then python3.N, then python3.Nt. */
    private static int rank(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches() || m.group(1) == null) return 0;
        return m.group(2).isEmpty() ? 1 : 2;
    }

    private static int minor(String name) {
        Matcher m = NAME.matcher(name);
        return m.matches() && m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    private List<Probe> probeAll(List<Candidate> candidates) {
        List<Probe> probes = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Probe>> futures = new ArrayList<>();
            for (Candidate c : candidates) futures.add(pool.submit(() -> probe(c)));
            for (int i = 0; i < futures.size(); i++) {
                Candidate c = candidates.get(i);
                try {
                    probes.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    probes.add(new Probe.Rejected(c.origin(), c.path(),
                            new PythonFault.CannotStart(c.origin().describe(c.path()), String.valueOf(e.getCause()))));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    probes.add(new Probe.Rejected(c.origin(), c.path(),
                            new PythonFault.CannotStart(c.origin().describe(c.path()), "interrupted")));
                }
            }
        }
        // The same interpreter behind two names (a pyenv shim and its target): keep the first.
        Set<Path> seen = new HashSet<>();
        List<Probe> unique = new ArrayList<>();
        for (Probe p : probes)
            if (!(p instanceof Probe.Found f) || seen.add(realPath(f.interpreter().executable()))) unique.add(p);
        return unique;
    }

    /** Runs the probe on one candidate; never throws. */
    Probe probe(Candidate c) {
        String who = c.origin().describe(c.path());
        Path path = c.path();
        if (!Files.exists(path)) return new Probe.Rejected(c.origin(), path, new PythonFault.Missing(who));
        if (Files.isDirectory(path) || !Files.isExecutable(path)) return new Probe.Rejected(c.origin(), path, new PythonFault.NotExecutable(who));
        Process process;
        try {
            process = new ProcessBuilder(path.toString(), "-E", "-s", "-c", PROBE)
                    .directory(FileSystems.getDefault().getRootDirectories().iterator().next().toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            return new Probe.Rejected(c.origin(), path, new PythonFault.CannotStart(who, e.getMessage()));
        }
        closeQuietly(process);
        OutputCapture out = OutputCapture.start(process.getInputStream(), 16 * 1024, "probe-out");
        OutputCapture err = OutputCapture.start(process.getErrorStream(), 4 * 1024, "probe-err");
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.killAndWait(process.toHandle(), 2_000);
                return new Probe.Rejected(c.origin(), path, new PythonFault.Hung(who, timeout.toMillis() / 1000.0));
            }
        } catch (InterruptedException e) {
            ProcessTree.kill(process.toHandle());
            Thread.currentThread().interrupt();
            return new Probe.Rejected(c.origin(), path, new PythonFault.Hung(who, 0));
        }
        String stdout = out.text(1_000);
        String stderr = err.text(1_000);
        if (process.exitValue() != 0)
            return new Probe.Rejected(c.origin(), path, new PythonFault.Crashed(who, process.exitValue(), stderr.strip()));
        Optional<JsonObject> answer = stdout.lines().map(String::strip).filter(l -> l.startsWith("{"))
                .map(PythonFinder::parse).flatMap(Optional::stream)
                .filter(o -> o.has("concurrence_probe")).findFirst();
        if (answer.isEmpty()) return new Probe.Rejected(c.origin(), path, new PythonFault.NotPython(who, sample(stdout + stderr)));
        try {
            JsonObject o = answer.get();
            List<Integer> parts = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("version")) parts.add(e.getAsInt());
            PythonVersion version = PythonVersion.of(parts);
            if (!version.atLeast(PythonVersion.MINIMUM))
                return new Probe.Rejected(c.origin(), path, new PythonFault.TooOld(who, version.toString()));
            String exe = o.get("executable").getAsString();
            Path executable = !exe.isBlank() && Files.isExecutable(Path.of(exe)) ? Path.of(exe) : path;
            return new Probe.Found(new Interpreter(c.origin(), path, executable, version,
                    o.get("implementation").getAsString(), o.get("free_threaded_build").getAsBoolean(),
                    o.get("gil_enabled").getAsBoolean(), o.get("start_method").getAsString()));
        } catch (RuntimeException e) {
            return new Probe.Rejected(c.origin(), path, new PythonFault.NotPython(who, sample(stdout)));
        }
    }

    private static Optional<JsonObject> parse(String line) {
        try {
            JsonElement e = JsonParser.parseString(line);
            return e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The start of what it said, on one line, at most 120 characters. */
    private static String sample(String output) {
        String one = output.strip().replaceAll("\\s+", " ");
        return one.length() <= 120 ? one : one.substring(0, 117) + "...";
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | SecurityException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static void closeQuietly(Process p) {
        try {
            p.getOutputStream().close();
        } catch (IOException e) {
            // nothing to close
        }
    }
}
