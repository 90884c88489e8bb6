package concurrence.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Facts about this machine that a measurement depends on: cores, load, CPU model, memory.
 *
 * <pre>{@code
 * Machine m = Machine.detect();
 * m.cores();          // 2
 * m.loadAverage();    // 0.15, or -1 where /proc/loadavg is missing
 * }</pre>
 */
public record Machine(String host, int cores, String cpuModel, long memoryBytes, String os, String jvm) {

    public static Machine detect() {
        return new Machine(detectHost(), Runtime.getRuntime().availableProcessors(), detectCpuModel(),
                SystemClock.statusKilobytes(Path.of("/proc/meminfo"), "MemTotal:") * 1024,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor", "") + " " + Runtime.version());
    }

    /** The one-minute load average, or -1 if unknown. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            return os.getSystemLoadAverage();
        }
    }

    /**
     * Whether other work on the machine would distort a cpu measurement: more than a quarter of
     * a core busy on average, besides us.
     */
    public static boolean busy(double loadAverage, int cores) { return loadAverage > 0.25 + 0.25 * cores; }

    private static String detectHost() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            String h = System.getenv("HOSTNAME");
            return h != null ? h : "?";
        }
    }

    private static String detectCpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String l : lines) if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).strip();
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }
}
