package concurrence.journal;

import concurrence.engine.Machine;

/**
 * How busy the machine was while a run went: the one-minute load average when it started and when
 * it ended, and the cores other processes kept busy during the run on average (-1 when unknown:
 * {@code /proc/stat} missing).
 *
 * <pre>{@code
 * Load load = probe.stop();         // concurrence.turn.LoadProbe, around the run
 * load.busy(2);                     // true: others used more than 0.75 core of 2 meanwhile
 * }</pre>
 */
public record Load(double start, double end, double othersCores) {
    public static final Load UNKNOWN = new Load(-1, -1, -1);

    /**
     * Whether the run was measured on a busy machine: by what others used during the run when that
     * is known (the load average lags a minute behind and counts this run too), else by the load
     * average at the start, as {@link Machine#busy} judges both.
     */
    public boolean busy(int cores) {
        return othersCores >= 0 ? Machine.busy(othersCores, cores) : Machine.busy(start, cores);
    }
}
