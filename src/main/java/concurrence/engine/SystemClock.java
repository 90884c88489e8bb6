package concurrence.engine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real clock: {@code System.nanoTime()}, and CPU times read from {@code /proc/self/stat}
 * (user, system, and the children's, in clock ticks of 10 ms). Where {@code /proc} is missing it
 * falls back to the JVM's process CPU time, all counted as user time, and no children.
 *
 * <pre>{@code
 * CpuTimes now = SystemClock.INSTANCE.cpu();
 * }</pre>
 */
public final class SystemClock implements Clock {
    public static final SystemClock INSTANCE = new SystemClock();
    /** {@code sysconf(_SC_CLK_TCK)}: 100 on every Linux this runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final Path STAT = Path.of("/proc/self/stat");
    private static final Path STATUS = Path.of("/proc/self/status");

    private SystemClock() {}

    @Override public long nanoTime() { return System.nanoTime(); }

    @Override public CpuTimes cpu() {
        try {
            String stat = Files.readString(STAT);
            // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After ")": f[0] is field 3 (state); utime is field 14 -> f[11], stime f[12], cutime f[13], cstime f[14].
            return new CpuTimes(ticks(f[11]), ticks(f[12]), ticks(f[13]), ticks(f[14]));
        } catch (IOException | RuntimeException e) {
            var os = ManagementFactory.getOperatingSystemMXBean();
            long total = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
            return new CpuTimes(Math.max(0, total), 0, 0, 0);
        }
    }

    private static long ticks(String field) { return Long.parseLong(field) * NANOS_PER_TICK; }

    @Override public long residentBytes() { return statusKilobytes(STATUS, "VmRSS:") * 1024; }

    /** Peak resident memory ({@code VmHWM}) of process {@code pid}, in bytes; 0 when it cannot be read. */
    public static long peakResidentBytes(long pid) {
        return statusKilobytes(Path.of("/proc", Long.toString(pid), "status"), "VmHWM:") * 1024;
    }

    static long statusKilobytes(Path status, String key) {
        try {
            for (String line : Files.readAllLines(status))
                if (line.startsWith(key)) return Long.parseLong(line.substring(key.length()).replace("kB", "").strip());
        } catch (IOException | RuntimeException e) {
            // no /proc: unknown
        }
        return 0;
    }
}
