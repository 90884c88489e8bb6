package concurrence.engine;

import java.util.List;

/**
 * Resident memory seen during a run, in bytes: this JVM before the run and at its peak, and the
 * peak of each child process (empty when there were none). Zero where it could not be read.
 */
public record Memory(long parentBeforeBytes, long parentPeakBytes, List<Long> childPeakBytes) {
    public static final Memory UNKNOWN = new Memory(0, 0, List.of());

    public Memory { childPeakBytes = List.copyOf(childPeakBytes); }
}
