package concurrence.engine;

import concurrence.engine.jvm.JvmRunner;
import concurrence.engine.python.PythonFinder;
import concurrence.engine.python.PythonRunner;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which {@link Runner} runs a runtime, if this machine can run it.
 *
 * <pre>{@code
 * Runner r = Runners.forRuntime(RuntimeKind.JVM_GIL).orElseThrow();
 * Optional<Runner> py = Runners.forRuntime(RuntimeKind.PYTHON, Optional.of(Path.of("/usr/bin/python3.12")));
 * }</pre>
 *
 * <p>The Python runtimes run when {@link PythonFinder} finds an interpreter for them (searched
 * once per JVM); when it does not, {@code PythonFinder.system().search(python).whyNot(runtime)}
 * says why.
 */
public final class Runners {
    private static final JvmRunner JVM = new JvmRunner();

    private Runners() {}

    public static Optional<Runner> forRuntime(RuntimeKind runtime) { return forRuntime(runtime, Optional.empty()); }

    /** @param python the interpreter chosen with {@code --python}, if any */
    public static Optional<Runner> forRuntime(RuntimeKind runtime, Optional<Path> python) {
        return switch (runtime) {
            case JVM, JVM_GIL -> Optional.of(JVM);
            case PYTHON, PYTHON_FT -> PythonFinder.system().search(python).interpreterFor(runtime)
                    .map(i -> new PythonRunner(i, runtime));
        };
    }
}
