package concurrence.engine.python;

import concurrence.engine.Clock;
import concurrence.engine.CpuTimes;

/**
 * The clock a {@link concurrence.engine.Recorder} reads while it replays what the bridge reported:
 * it stands at the time Python measured for the line being replayed, mapped onto this JVM's
 * {@code nanoTime} from the moment the gate line arrived. So the timeline is Python's own, and a
 * board that compares the gate with its real clock still shows the right elapsed time.
 *
 * <pre>{@code
 * clock.gate();            // the bridge's gate line arrived: Python's t = 0 is now
 * clock.at(0.5021);        // the next line happened at t = 0.5021 s
 * recorder.taskStarted(w, task);   // recorded at 0.5021 s after the gate
 * }</pre>
 *
 * <p>Not thread-safe: confined to the thread that reads the bridge's output.
 */
final class ReplayClock implements Clock {
    private final Clock real;
    private long gate;
    private long at;
    private boolean passed;

    ReplayClock(Clock real) { this.real = real; }

    void gate() {
        gate = real.nanoTime();
        at = gate;
        passed = true;
    }

    boolean passed() { return passed; }

    /** Stands at {@code seconds} after the gate, as Python measured it. */
    void at(double seconds) { at = gate + Math.round(seconds * 1e9); }

    /** Real nanoseconds since the gate line arrived (0 before it). */
    long sinceGate() { return passed ? real.nanoTime() - gate : 0; }

    @Override public long nanoTime() { return at; }

    @Override public CpuTimes cpu() { return real.cpu(); }

    @Override public long residentBytes() { return real.residentBytes(); }
}
