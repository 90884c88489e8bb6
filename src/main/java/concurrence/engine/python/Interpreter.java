package concurrence.engine.python;

import concurrence.engine.RuntimeKind;

import java.nio.file.Path;

/**
 * A CPython found on this machine, as its own probe described it.
 *
 * <pre>{@code
 * Interpreter py = PythonFinder.system().search(Optional.empty()).interpreterFor(RuntimeKind.PYTHON).orElseThrow();
 * py.version();             // 3.11.7
 * py.freeThreadedBuild();   // false: a build with a GIL
 * py.startMethod();         // "fork"
 * }</pre>
 *
 * @param origin            how it was found, and under which name: {@code --python PATH}, the
 *                          environment variable, or a name on the {@code PATH}
 * @param path              the file that was run to probe it (a pyenv shim, a symlink...)
 * @param executable        {@code sys.executable}: the real interpreter, run directly for experiments
 * @param freeThreadedBuild {@code sysconfig.get_config_var("Py_GIL_DISABLED")}: the build can run without a GIL
 * @param gilEnabledNow     {@code sys._is_gil_enabled()} when started plainly; true before 3.13
 * @param startMethod       {@code multiprocessing.get_start_method()}: fork, forkserver or spawn
 */
public record Interpreter(Origin origin, Path path, Path executable, PythonVersion version, String implementation,
                          boolean freeThreadedBuild, boolean gilEnabledNow, String startMethod) {

    public Interpreter {
        if (origin == null || path == null || executable == null || version == null || implementation == null || startMethod == null)
            throw new IllegalArgumentException("an interpreter is described in full");
    }

    /** Whether it can run {@code runtime}: {@code python} wants a GIL build, {@code python-ft} a free-threaded one. */
    public boolean fits(RuntimeKind runtime) {
        return switch (runtime) {
            case PYTHON -> !freeThreadedBuild;
            case PYTHON_FT -> freeThreadedBuild;
            case JVM, JVM_GIL -> false;
        };
    }

    /** How it was found: chosen on the command line, in the environment, or by its name on the PATH. */
    public record Origin(Kind kind, String name) {
        public enum Kind { OPTION, ENVIRONMENT, PATH }

        public static final String ENVIRONMENT_VARIABLE = "CONCURRENCE_PYTHON";

        public Origin {
            if (kind == null || name == null) throw new IllegalArgumentException("an origin has a kind and a name");
        }

        /** How to name it to the user: {@code --python /x/y}, {@code CONCURRENCE_PYTHON=/x/y} or {@code python3.12 (/x/y)}. */
        public String describe(Path path) {
            return switch (kind) {
                case OPTION -> "--python " + path;
                case ENVIRONMENT -> ENVIRONMENT_VARIABLE + "=" + path;
                case PATH -> name + " (" + path + ")";
            };
        }

        /** Chosen by the user rather than found by its name. */
        public boolean chosen() { return kind != Kind.PATH; }
    }

    /** {@code python3 (/usr/bin/python3)}, {@code --python /opt/py/bin/python3.13t}. */
    public String describe() { return origin.describe(path); }
}
