package concurrence.journal;

import concurrence.engine.Machine;

import java.util.Map;
import java.util.TreeMap;

/**
 * The machine a run was measured on, as the journal keeps it: what {@link Machine} detects, and
 * the Python versions found, by runtime ({@code python -> 3.12.1}), when the caller knows them.
 *
 * <pre>{@code
 * MachineFacts facts = new MachineFacts(Machine.detect(), Map.of("python", "3.12.1"));
 * }</pre>
 */
public record MachineFacts(Machine machine, Map<String, String> python) {
    public MachineFacts {
        if (machine == null) throw new IllegalArgumentException("a machine is required");
        python = Map.copyOf(python);
    }

    /** This machine, no Python versions known. */
    public static MachineFacts detect() { return new MachineFacts(Machine.detect(), Map.of()); }

    /** The Python versions in the order of their runtime names, for stable output. */
    public Map<String, String> pythonSorted() { return new TreeMap<>(python); }
}
