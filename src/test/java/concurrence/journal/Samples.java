package concurrence.journal;

import concurrence.engine.CpuTimes;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.Handoff;
import concurrence.engine.Machine;
import concurrence.engine.Measurement;
import concurrence.engine.Memory;
import concurrence.engine.RunResult;
import concurrence.engine.RuntimeKind;
import concurrence.engine.Span;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import concurrence.lesson.Reference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Made-up measurements and entries for the journal's tests: no experiment runs. */
final class Samples {
    static final Machine MACHINE = new Machine("lab-12", 2, "Test CPU @ 2.0GHz", 4L << 30, "Linux 6.1 amd64", "Temurin 21");
    static final MachineFacts FACTS = new MachineFacts(MACHINE, Map.of("python", "3.12.1"));

    private Samples() {}

    /** A measurement of {@code strategy} on {@code task} whose runs took {@code walls} seconds. */
    static Measurement measurement(StrategyKind strategy, TaskKind task, RuntimeKind runtime, double... walls) {
        ExperimentSpec spec = new ExperimentSpec(strategy, task, 5, 5, runtime, 1.0, ExperimentSpec.DEFAULT_SWITCH_INTERVAL, walls.length);
        List<RunResult> runs = new ArrayList<>();
        for (int i = 0; i < walls.length; i++) {
            long wall = Math.round(walls[i] * 1e9);
            List<Span> timeline = new ArrayList<>();
            for (int t = 0; t < 5; t++) timeline.add(new Span(t % 2, t, t * 100_000_000L, t * 100_000_000L + 50_000_000L));
            List<Handoff> handoffs = runtime.hasGil() ? List.of(new Handoff(-1, 0, 0), new Handoff(0, 1, 5_000_000)) : List.of();
            runs.add(new RunResult(spec, wall, new CpuTimes(wall / 2, wall / 10, 3_000_000, 1_000_000), timeline, handoffs,
                    new Memory(40L << 20, 48L << 20, List.of(30L << 20)), 1_000_000_000L, 1_000_000_000L, 2,
                    List.of("w0", "w1"), false, 0.25));
        }
        return new Measurement(spec, runs);
    }

    static Reference wall(double seconds) {
        return new Reference(OptionalLong.of(Math.round(seconds * 1e9)), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalInt.empty());
    }

    static Entry.Run run(String batch, PageRef page, Measurement m) {
        return new Entry.Run(Instant.parse("2026-03-02T09:15:02Z"), "shell", batch, Optional.ofNullable(page), FACTS,
                new Load(0.2, 0.4, 0.05), m, Optional.empty());
    }
}
