package concurrence.engine.python;

import java.util.List;

/**
 * A Python's version, as {@code sys.version_info[:3]}.
 *
 * <pre>{@code
 * PythonVersion v = PythonVersion.of(List.of(3, 13, 1));
 * v.atLeast(PythonVersion.MINIMUM);   // true
 * v.toString();                       // "3.13.1"
 * }</pre>
 */
public record PythonVersion(int major, int minor, int micro) implements Comparable<PythonVersion> {
    /** The oldest Python the bridge runs on. */
    public static final PythonVersion MINIMUM = new PythonVersion(3, 8, 0);

    public PythonVersion {
        if (major < 0 || minor < 0 || micro < 0)
            throw new IllegalArgumentException("a version has no negative part: %d.%d.%d".formatted(major, minor, micro));
    }

    /** From {@code [major, minor, micro]}; missing parts are 0. */
    public static PythonVersion of(List<Integer> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("a version has at least a major number");
        return new PythonVersion(parts.get(0), parts.size() > 1 ? parts.get(1) : 0, parts.size() > 2 ? parts.get(2) : 0);
    }

    public boolean atLeast(PythonVersion other) { return compareTo(other) >= 0; }

    @Override public int compareTo(PythonVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) c = Integer.compare(minor, o.minor);
        return c != 0 ? c : Integer.compare(micro, o.micro);
    }

    @Override public String toString() { return major + "." + minor + "." + micro; }
}
