package concurrence.engine;

import java.util.List;

/**
 * Resident memory seen during a run, in bytes: this JVM before the run and at its peak, and the
 * peak of each child process (empty when there were none). Zero where it could not be read.
 */
public record Memory(long parentBeforeBytes, long parentPeakBytes, List<Long> childPeakBytes) {
    public static final Memory UNKNOWN = new Memory(0, 0, List.of());

    public Memory { childPeakBytes = List.copyOf(childPeakBytes); }

    /** What one worker cost on average: a child's whole footprint, or the parent's growth shared among threads. */
    public long perWorkerBytes(int workers) {
        if (!childPeakBytes.isEmpty())
            return childPeakBytes.stream().mapToLong(Long::longValue).sum() / childPeakBytes.size();
        return workers == 0 ? 0 : Math.max(0, parentPeakBytes - parentBeforeBytes) / workers;
    }
}
