package concurrence.engine.python;

import concurrence.engine.RuntimeKind;

/**
 * What went wrong with a Python, as data: each fault names the interpreter in question (as the
 * user knows it: {@code --python /bin/false}, {@code python3.12 (/usr/bin/python3.12)}) and
 * carries what the user needs to see. The message itself lives in the {@code python} bundle under
 * {@link #key()}, with {@link #args()} as its placeholders.
 *
 * <pre>{@code
 * PythonFault f = new PythonFault.TooOld("--python /usr/bin/python3.6", "3.6.15");
 * err.println(messages.get(f.key(), f.args()));   // « ... Python 3.6.15 est trop ancien ... »
 * }</pre>
 */
public sealed interface PythonFault {

    /** The message's key in the {@code python} bundle. */
    default String key() {
        return switch (this) {
            case NoneFound n -> n.runtime() == RuntimeKind.PYTHON_FT ? "python.fault.none.ft" : "python.fault.none";
            case Missing m -> "python.fault.missing";
            case NotExecutable n -> "python.fault.not.executable";
            case CannotStart c -> "python.fault.cannot.start";
            case Crashed c -> c.stderr().isBlank() ? "python.fault.crashed" : "python.fault.crashed.said";
            case Hung h -> "python.fault.hung";
            case NotPython n -> "python.fault.not.python";
            case TooOld t -> "python.fault.too.old";
            case WrongBuild w -> w.freeThreaded() ? "python.fault.wrong.build.ft" : "python.fault.wrong.build.gil";
            case Unsupported u -> "python.fault.virtual.threads";
            case BridgeFailed b -> b.detail().isBlank() ? "python.fault.bridge.failed" : "python.fault.bridge.failed.said";
            case Silent s -> "python.fault.silent";
            case TimedOut t -> "python.fault.timed.out";
            case GilStillOn g -> "python.fault.gil.on";
            case NoPrivateDirectory d -> "python.fault.no.directory";
        };
    }

    /** The message's placeholders, in order. */
    default Object[] args() {
        return switch (this) {
            case NoneFound n -> new Object[] {};
            case Missing m -> new Object[] {m.who()};
            case NotExecutable n -> new Object[] {n.who()};
            case CannotStart c -> new Object[] {c.who(), c.reason()};
            case Crashed c -> new Object[] {c.who(), c.exitCode(), indent(c.stderr())};
            case Hung h -> new Object[] {h.who(), h.seconds()};
            case NotPython n -> new Object[] {n.who(), n.output()};
            case TooOld t -> new Object[] {t.who(), t.version(), PythonVersion.MINIMUM.major() + "." + PythonVersion.MINIMUM.minor()};
            case WrongBuild w -> new Object[] {w.who(), w.version()};
            case Unsupported u -> new Object[] {u.strategy()};
            case BridgeFailed b -> new Object[] {b.who(), b.exitCode(), indent(b.detail())};
            case Silent s -> new Object[] {s.who(), s.seconds()};
            case TimedOut t -> new Object[] {t.who(), t.seconds()};
            case GilStillOn g -> new Object[] {g.who()};
            case NoPrivateDirectory d -> new Object[] {d.where(), d.reason()};
        };
    }

    /** The same fault with what the program said cut to its first line: for a list of many. */
    default PythonFault brief() {
        return switch (this) {
            case Crashed c -> new Crashed(c.who(), c.exitCode(), firstLine(c.stderr()));
            case BridgeFailed b -> new BridgeFailed(b.who(), b.exitCode(), firstLine(b.detail()));
            case NoneFound n -> n;
            case Missing n -> n;
            case NotExecutable n -> n;
            case CannotStart n -> n;
            case Hung n -> n;
            case NotPython n -> n;
            case TooOld n -> n;
            case WrongBuild n -> n;
            case Unsupported n -> n;
            case Silent n -> n;
            case TimedOut n -> n;
            case GilStillOn n -> n;
            case NoPrivateDirectory n -> n;
        };
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("");
    }

    /** No interpreter for {@code runtime} on the PATH (and none chosen). */
    record NoneFound(RuntimeKind runtime) implements PythonFault {}

    /** There is no such file. */
    record Missing(String who) implements PythonFault {}

    /** The file is there, but not a program this user may run. */
    record NotExecutable(String who) implements PythonFault {}

    /** The system refused to start it; {@code reason} is the system's own words. */
    record CannotStart(String who, String reason) implements PythonFault {}

    /** It ran and exited with an error before describing itself. */
    record Crashed(String who, int exitCode, String stderr) implements PythonFault {}

    /** It did not answer the probe in time; it was killed. */
    record Hung(String who, double seconds) implements PythonFault {}

    /** It answered, but not as a Python does. */
    record NotPython(String who, String output) implements PythonFault {}

    record TooOld(String who, String version) implements PythonFault {}

    /** A chosen interpreter whose build does not fit the runtime asked for. */
    record WrongBuild(String who, String version, boolean freeThreaded) implements PythonFault {}

    /** A strategy Python has no equivalent of: virtual threads. */
    record Unsupported(String strategy) implements PythonFault {}

    /** The bridge exited in the middle of the experiment; {@code detail} is its error and standard error. */
    record BridgeFailed(String who, int exitCode, String detail) implements PythonFault {}

    /** The bridge said nothing (not even its heartbeat) for {@code seconds}: killed with its children. */
    record Silent(String who, double seconds) implements PythonFault {}

    /** The experiment went on far longer than it could have: killed with its children. */
    record TimedOut(String who, double seconds) implements PythonFault {}

    /** A free-threaded build that kept its GIL on although it was started with {@code -X gil=0}. */
    record GilStillOn(String who) implements PythonFault {}

    /** No private directory to write the bridge into. */
    record NoPrivateDirectory(String where, String reason) implements PythonFault {}

    /**
     * What a program said, to follow a message: one line goes on the same line; more go below,
     * indented, at most the last 12.
     */
    static String indent(String text) {
        if (text.isBlank()) return "";
        String[] lines = text.strip().split("\\R");
        if (lines.length == 1) return " " + lines[0].strip();
        StringBuilder b = new StringBuilder();
        for (int i = Math.max(0, lines.length - 12); i < lines.length; i++) b.append("\n    ").append(lines[i]);
        return b.toString();
    }
}
