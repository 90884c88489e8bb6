package concurrence.engine.python;

import concurrence.engine.RuntimeKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every Python a search looked at, in order of preference (the one chosen with {@code --python},
 * then {@code CONCURRENCE_PYTHON}, then {@code python3}, {@code python3.N} newest first, and the
 * free-threaded {@code python3.Nt}), and which of them runs each runtime.
 *
 * <pre>{@code
 * Pythons pythons = PythonFinder.system().search(Optional.empty());
 * Optional<Interpreter> gil = pythons.interpreterFor(RuntimeKind.PYTHON);
 * if (gil.isEmpty()) err.println(messages.get(pythons.whyNot(RuntimeKind.PYTHON).key(), ...));
 * }</pre>
 *
 * <p>How the choice is made: an interpreter given with {@code --python} is the one the user
 * wants, so it runs the runtime its build fits and the other runtime is refused, with the reason;
 * if it does not work, neither runtime runs. {@code CONCURRENCE_PYTHON} is a standing preference:
 * it runs the runtime its build fits, and the PATH is searched for the other; if it does not
 * work, neither runtime runs either (silently taking another Python would hide the mistake).
 */
public record Pythons(List<Probe> probes) {
    public Pythons { probes = List.copyOf(probes); }

    public List<Interpreter> found() {
        List<Interpreter> out = new ArrayList<>();
        for (Probe p : probes) if (p instanceof Probe.Found f) out.add(f.interpreter());
        return out;
    }

    public List<Probe.Rejected> rejected() {
        List<Probe.Rejected> out = new ArrayList<>();
        for (Probe p : probes) if (p instanceof Probe.Rejected r) out.add(r);
        return out;
    }

    public Optional<Interpreter> interpreterFor(RuntimeKind runtime) {
        return switch (choose(runtime)) {
            case Choice.Chosen c -> Optional.of(c.interpreter());
            case Choice.Refused r -> Optional.empty();
        };
    }

    /** Why {@link #interpreterFor} is empty for {@code runtime}; empty when it is not. */
    public Optional<PythonFault> whyNot(RuntimeKind runtime) {
        return switch (choose(runtime)) {
            case Choice.Chosen c -> Optional.empty();
            case Choice.Refused r -> Optional.of(r.fault());
        };
    }

    private sealed interface Choice {
        record Chosen(Interpreter interpreter) implements Choice {}

        record Refused(PythonFault fault) implements Choice {}
    }

    private Choice choose(RuntimeKind runtime) {
        if (runtime.isJvm()) throw new IllegalArgumentException("not a Python runtime: " + runtime.id());
        for (Probe p : probes) {
            if (!p.origin().chosen()) continue;
            switch (p) {
                case Probe.Rejected r -> {
                    return new Choice.Refused(r.fault());
                }
                case Probe.Found f -> {
                    Interpreter i = f.interpreter();
                    if (i.fits(runtime)) return new Choice.Chosen(i);
                    if (i.origin().kind() == Interpreter.Origin.Kind.OPTION)
                        return new Choice.Refused(new PythonFault.WrongBuild(i.describe(), i.version().toString(), i.freeThreadedBuild()));
                }
            }
        }
        for (Interpreter i : found())
            if (!i.origin().chosen() && i.fits(runtime)) return new Choice.Chosen(i);
        return new Choice.Refused(new PythonFault.NoneFound(runtime));
    }
}
