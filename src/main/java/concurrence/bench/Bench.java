package concurrence.bench;

import concurrence.engine.Cancellation;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.Measurement;
import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import concurrence.engine.jvm.JvmRunner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The engine's benchmark ({@code scripts/bench}): the notebook's ten experiments on this JVM, each
 * measured against its ideal, plus the targets of the engine issue, as medians of interleaved
 * rounds (the machine is shared: every experiment sees the same noise).
 *
 * <pre>{@code
 * java -cp target/concurrence.jar concurrence.bench.Bench --rounds 3
 * }</pre>
 */
public final class Bench {
    private Bench() {}

    /** One experiment of the benchmark. */
    record Case(String name, ExperimentSpec spec) {}

    /** A target: a name, the figure, the bound, and whether it must be below or above it. */
    record Target(String name, double value, double bound, boolean atMost) {
        boolean met() { return atMost ? value <= bound : value >= bound; }
    }

    public static void main(String[] args) throws InterruptedException {
        int rounds = 3;
        for (int i = 0; i < args.length; i++) if (args[i].equals("--rounds")) rounds = Integer.parseInt(args[++i]);
        var runner = new JvmRunner();
        List<Case> cases = List.of(
                c("sequential io (cell 4)", StrategyKind.SEQUENTIAL, TaskKind.IO, RuntimeKind.JVM),
                c("threads io (cell 3)", StrategyKind.THREADS, TaskKind.IO, RuntimeKind.JVM),
                c("processes io (cell 9)", StrategyKind.PROCESSES, TaskKind.IO, RuntimeKind.JVM),
                c("asyncio io (cell 17)", StrategyKind.ASYNCIO, TaskKind.IO, RuntimeKind.JVM),
                c("virtual-threads io", StrategyKind.VIRTUAL_THREADS, TaskKind.IO, RuntimeKind.JVM),
                new Case("virtual-threads io x10000", ExperimentSpec.notebook(StrategyKind.VIRTUAL_THREADS, TaskKind.IO).withTasks(10_000).withWorkers(10_000)),
                c("sequential cpu (cell 7)", StrategyKind.SEQUENTIAL, TaskKind.CPU, RuntimeKind.JVM),
                c("threads cpu (cell 6)", StrategyKind.THREADS, TaskKind.CPU, RuntimeKind.JVM),
                c("processes cpu (cell 11)", StrategyKind.PROCESSES, TaskKind.CPU, RuntimeKind.JVM),
                c("asyncio cpu (cell 19)", StrategyKind.ASYNCIO, TaskKind.CPU, RuntimeKind.JVM),
                c("jvm+gil sequential cpu", StrategyKind.SEQUENTIAL, TaskKind.CPU, RuntimeKind.JVM_GIL),
                c("jvm+gil threads cpu", StrategyKind.THREADS, TaskKind.CPU, RuntimeKind.JVM_GIL),
                new Case("%timeit processes io (cell 13)", ExperimentSpec.notebook(StrategyKind.PROCESSES, TaskKind.IO).withRepeat(7)),
                new Case("%timeit threads io (cell 14)", ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.IO).withRepeat(7)));

        System.out.printf(Locale.ROOT, "concurrence bench: %d cores, %s, %d rounds%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), rounds);
        // Warm-up: calibration and class loading are not measured.
        runner.run(ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.CPU).withScale(0.05), e -> {}, new Cancellation());
        runner.run(ExperimentSpec.notebook(StrategyKind.PROCESSES, TaskKind.IO).withScale(0.05), e -> {}, new Cancellation());
        Map<String, List<Measurement>> results = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++)
            for (Case k : cases) {
                Measurement m = runner.measure(k.spec(), e -> {}, new Cancellation());
                results.computeIfAbsent(k.name(), x -> new ArrayList<>()).add(m);
                System.err.printf(Locale.ROOT, "  round %d  %-32s %.3f s%n", round + 1, k.name(), m.meanNanos() / 1e9);
            }

        System.out.printf(Locale.ROOT, "%n%-32s %10s %10s %16s%n", "experiment", "median s", "ideal s", "measured/ideal");
        for (Case k : cases) {
            double wall = median(results.get(k.name()), Measurement::meanNanos) / 1e9;
            double ideal = results.get(k.name()).get(0).last().idealNanos() / 1e9;
            System.out.printf(Locale.ROOT, "%-32s %10.3f %10.3f %16.3f%n", k.name(), wall, ideal, wall / ideal);
        }
        Function<String, Double> wall = name -> median(results.get(name), Measurement::meanNanos) / 1e9;
        Function<String, Double> ratio = name -> wall.apply(name) / (results.get(name).get(0).last().idealNanos() / 1e9);
        int cores = Runtime.getRuntime().availableProcessors();
        double idealSpeedup = Math.min(5, cores);
        List<Target> targets = List.of(
                new Target("io threads / ideal", ratio.apply("threads io (cell 3)"), 1.02, true),
                new Target("io asyncio / ideal", ratio.apply("asyncio io (cell 17)"), 1.02, true),
                new Target("io virtual-threads / ideal", ratio.apply("virtual-threads io"), 1.02, true),
                new Target("io sequential / ideal", ratio.apply("sequential io (cell 4)"), 1.02, true),
                new Target("io 10,000 virtual threads / ideal", ratio.apply("virtual-threads io x10000"), 1.15, true),
                new Target("cpu threads speed-up / ideal speed-up",
                        wall.apply("sequential cpu (cell 7)") / wall.apply("threads cpu (cell 6)") / idealSpeedup, 0.9, false),
                new Target("cpu processes speed-up / ideal speed-up",
                        wall.apply("sequential cpu (cell 7)") / wall.apply("processes cpu (cell 11)") / idealSpeedup, 0.9, false),
                new Target("jvm+gil threads cpu / sequential", wall.apply("jvm+gil threads cpu") / wall.apply("jvm+gil sequential cpu"), 0.95, false),
                new Target("process pool overhead on 1 s io (s)", wall.apply("processes io (cell 9)") - 1.0, 0.15, true));
        System.out.printf(Locale.ROOT, "%n%-40s %10s %10s  %s%n", "target", "value", "bound", "");
        int missed = 0;
        for (Target t : targets) {
            System.out.printf(Locale.ROOT, "%-40s %10.3f %s%9.3f  %s%n", t.name(), t.value(), t.atMost() ? "<=" : ">=", t.bound(),
                    t.met() ? "ok" : "MISSED");
            if (!t.met()) missed++;
        }
        System.out.printf(Locale.ROOT, "%n%d of %d targets met%n", targets.size() - missed, targets.size());
    }

    private static Case c(String name, StrategyKind s, TaskKind t, RuntimeKind r) {
        return new Case(name, ExperimentSpec.notebook(s, t).withRuntime(r));
    }

    private static double median(List<Measurement> ms, java.util.function.ToDoubleFunction<Measurement> f) {
        double[] v = ms.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
