package concurrence.engine.python;

import java.nio.file.Path;

/**
 * What probing one candidate gave: a working interpreter, or the reason it was set aside.
 *
 * <pre>{@code
 * switch (probe) {
 *     case Probe.Found f -> out.println(f.interpreter().version());
 *     case Probe.Rejected r -> out.println(messages.get(r.fault().key(), r.fault().args()));
 * }
 * }</pre>
 */
public sealed interface Probe {
    Interpreter.Origin origin();

    Path path();

    record Found(Interpreter interpreter) implements Probe {
        @Override public Interpreter.Origin origin() { return interpreter.origin(); }

        @Override public Path path() { return interpreter.path(); }
    }

    record Rejected(Interpreter.Origin origin, Path path, PythonFault fault) implements Probe {}
}
