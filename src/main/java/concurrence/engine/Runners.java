package concurrence.engine;

import concurrence.engine.jvm.JvmRunner;

import java.util.Optional;

/**
 * Which {@link Runner} runs a runtime, if this machine can run it.
 *
 * <pre>{@code
 * Runner r = Runners.forRuntime(RuntimeKind.JVM_GIL).orElseThrow();
 * }</pre>
 */
public final class Runners {
    private static final JvmRunner JVM = new JvmRunner();

    private Runners() {}

    public static Optional<Runner> forRuntime(RuntimeKind runtime) {
        return switch (runtime) {
            case JVM, JVM_GIL -> Optional.of(JVM);
            case PYTHON, PYTHON_FT -> Optional.empty();
        };
    }
}
