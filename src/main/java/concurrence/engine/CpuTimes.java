package concurrence.engine;

/**
 * CPU time consumed, in nanoseconds: user and system time of this process, and of its children
 * that have exited and been waited for ({@code RUSAGE_CHILDREN}, which {@code %time} never shows).
 *
 * <pre>{@code
 * CpuTimes used = clock.cpu().minus(before);
 * }</pre>
 */
public record CpuTimes(long userNanos, long systemNanos, long childrenUserNanos, long childrenSystemNanos) {
    public static final CpuTimes ZERO = new CpuTimes(0, 0, 0, 0);

    public CpuTimes minus(CpuTimes before) {
        return new CpuTimes(userNanos - before.userNanos, systemNanos - before.systemNanos,
                childrenUserNanos - before.childrenUserNanos, childrenSystemNanos - before.childrenSystemNanos);
    }

    public long totalNanos() { return userNanos + systemNanos; }

    public long childrenNanos() { return childrenUserNanos + childrenSystemNanos; }
}
