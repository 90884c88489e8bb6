package concurrence.journal;

import concurrence.engine.Machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures how busy the machine was during a run: started just before it, stopped just after.
 * Besides the one-minute load average at both ends, it reads the kernel's CPU counters
 * ({@code /proc/stat}) and takes away what this process and its children used, which leaves what
 * <em>other</em> processes used meanwhile, in cores.
 *
 * <pre>{@code
 * LoadProbe probe = LoadProbe.start();
 * Measurement m = runner.measure(spec, board, cancel);
 * Load load = probe.stop();        // load.othersCores(): 0.02 on a quiet machine, 1.9 beside another cpu run
 * }</pre>
 *
 * <p>Why not the load average alone: it is a one-minute moving average, so it still counts the
 * previous student's experiment after it ended, and it counts this run too.
 */
public final class LoadProbe {
    /** Kernel clock ticks per second ({@code USER_HZ}): 100 on every Linux we know of. */
    private static final double TICKS_PER_SECOND = 100;
    /** Below this many ticks per core the counters are too coarse to say anything. */
    private static final long MIN_TICKS_PER_CORE = 10;

    private final Path proc;
    private final double loadStart;
    private final long[] statStart;
    private final long selfStart;
    private final Map<Long, Long> descendantsStart;

    private LoadProbe(Path proc) {
        this.proc = proc;
        this.loadStart = Machine.loadAverage();
        this.statStart = stat(proc);
        this.selfStart = selfTicks(proc);
        this.descendantsStart = descendantTicks(proc);
    }

    public static LoadProbe start() { return new LoadProbe(Path.of("/proc")); }

    /** For tests: counters read from another {@code /proc}-like folder. */
    static LoadProbe start(Path proc) { return new LoadProbe(proc); }

    public Load stop() {
        double loadEnd = Machine.loadAverage();
        long[] statEnd = stat(proc);
        long self = selfTicks(proc);
        if (statStart == null || statEnd == null || selfStart < 0 || self < 0) return new Load(loadStart, loadEnd, -1);
        long ours = self - selfStart + descendantsUsed(descendantsStart, descendantTicks(proc));
        return new Load(loadStart, loadEnd, others(statStart, statEnd, ours));
    }

    /** Cores used by others: busy ticks not ours, over the ticks that passed on one core. */
    static double others(long[] start, long[] end, long ourTicks) {
        long busy = end[0] - start[0];
        long total = end[1] - start[1];
        int cores = (int) end[2];
        if (cores <= 0 || total < MIN_TICKS_PER_CORE * cores) return -1;
        double perCore = total / (double) cores;
        return Math.max(0, (busy - ourTicks) / perCore);
    }

    /** {busy ticks, all ticks, cores} from the {@code cpu} lines of {@code /proc/stat}, or null. */
    static long[] stat(Path proc) {
        try {
            List<String> lines = Files.readAllLines(proc.resolve("stat"));
            long busy = -1;
            long total = -1;
            int cores = 0;
            for (String line : lines) {
                if (line.startsWith("cpu ")) {
                    String[] f = line.trim().split("\\s+");
                    long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), system = Long.parseLong(f[3]);
                    long idle = Long.parseLong(f[4]), iowait = f.length > 5 ? Long.parseLong(f[5]) : 0;
                    long irq = f.length > 6 ? Long.parseLong(f[6]) : 0, softirq = f.length > 7 ? Long.parseLong(f[7]) : 0;
                    long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
                    busy = user + nice + system + irq + softirq + steal;
                    total = busy + idle + iowait;
                } else if (line.startsWith("cpu")) {
                    cores++;
                }
            }
            return busy < 0 ? null : new long[] {busy, total, cores};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * What this process's descendants used between two readings of their ticks (each with the
     * children it has waited for), by pid. One that ended meanwhile was waited for by its parent,
     * this process or another descendant, whose count now holds its whole life: so its ticks at
     * the start are taken away, lest they be counted twice.
     *
     * <p>Why it matters: finding the Pythons through pyenv runs shells that run shells; a
     * grandchild's CPU shows in no descendant's own time, only in its parent's waited-for
     * children, and counting only the former made the app's own search look like another
     * user's load (1.8 cores of 2 in the first seconds).
     */
    static long descendantsUsed(Map<Long, Long> start, Map<Long, Long> stop) {
        long used = 0;
        for (var e : stop.entrySet()) used += e.getValue() - start.getOrDefault(e.getKey(), 0L);
        for (var e : start.entrySet()) if (!stop.containsKey(e.getKey())) used -= e.getValue();
        return used;
    }

    /** This process's CPU ticks, with its children that have been waited for; -1 if unknown. */
    static long selfTicks(Path proc) { return ticks(proc.resolve("self").resolve("stat")); }

    /** A process's CPU ticks from its {@code stat} file, with its children that have been waited for; -1 if unknown. */
    private static long ticks(Path statFile) {
        try {
            String s = Files.readString(statFile);
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split("\\s+");
            // after "pid (comm) ": state is f[0], so utime (field 14) is f[11]
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The CPU ticks of this process's living descendants (child JVMs, a CPython, the probes of
     * the Python search), each with the children it has waited for, by pid.
     */
    private static Map<Long, Long> descendantTicks(Path proc) {
        Map<Long, Long> out = new HashMap<>();
        Optional<List<Long>> pids = descendants(proc, "self");
        if (pids.isPresent()) {
            for (long pid : pids.get()) {
                long t = ticks(proc.resolve(Long.toString(pid)).resolve("stat"));
                if (t >= 0) out.put(pid, t);
            }
            return out;
        }
        ProcessHandle.current().descendants().forEach(p -> {
            long t = ticks(proc.resolve(Long.toString(p.pid())).resolve("stat"));
            if (t >= 0) out.put(p.pid(), t);
            else p.info().totalCpuDuration().ifPresent(d -> out.put(p.pid(), toTicks(d)));
        });
        return out;
    }

    /**
     * The pids below process {@code pid} ("self" for this one), from the {@code children} file of
     * each of its threads, then theirs; empty where the kernel keeps no such files. Why not
     * {@code ProcessHandle.descendants()}: it reads the {@code stat} of every process on the
     * machine, about 10 µs each, and a lab machine shared by a room runs a thousand of them;
     * this reads only our own few, every two seconds.
     */
    static Optional<List<Long>> descendants(Path proc, String pid) {
        Path tasks = proc.resolve(pid).resolve("task");
        List<Long> out = new ArrayList<>();
        try (var threads = Files.newDirectoryStream(tasks)) {
            boolean any = false;
            for (Path thread : threads) {
                Path children = thread.resolve("children");
                if (!Files.isReadable(children)) continue;
                any = true;
                String text;
                try {
                    text = Files.readString(children);
                } catch (IOException e) {
                    continue;   // the thread ended meanwhile
                }
                for (String child : text.trim().split("\\s+")) {
                    if (child.isEmpty()) continue;
                    out.add(Long.parseLong(child));
                    descendants(proc, child).ifPresent(out::addAll);
                }
            }
            return any ? Optional.of(out) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long toTicks(Duration d) { return Math.round(d.toNanos() / 1e9 * TICKS_PER_SECOND); }
}
