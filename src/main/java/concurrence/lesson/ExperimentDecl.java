package concurrence.lesson;

import concurrence.engine.ExperimentSpec;
import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code experiment} block of a lesson: which built-in experiment the page runs, and the
 * notebook's figures to set beside it. It names an experiment; it never holds code.
 *
 * <pre>{@code
 * ExperimentDecl d = page.experiments().get(0);
 * for (ExperimentSpec spec : d.specs(RuntimeKind.JVM)) runner.measure(spec, board, cancel);
 * d.reference(StrategyKind.THREADS).flatMap(Reference::wallNanos);   // 1 s in the notebook
 * }</pre>
 *
 * @param line     the line of the block's opening fence in its file, for messages
 * @param task     null unless {@code kind} is {@link Kind#RUN}
 * @param runtimes in order of preference: the first one available runs first
 */
public record ExperimentDecl(int line, Kind kind, TaskKind task, List<StrategyKind> compare, int tasks, int workers,
                             List<RuntimeKind> runtimes, int repeat, double scale, Duration switchInterval,
                             Set<Panel> show, Map<StrategyKind, Reference> references) {

    /** What the block shows: a run to compare, this machine, the runtimes found, or the synthesis. */
    public enum Kind { RUN, MACHINE, RUNTIMES, SUMMARY }

    /** Extra panels under the bars. */
    public enum Panel { TIMELINE, GIL, MEMORY, CHILDREN }

    public ExperimentDecl {
        compare = List.copyOf(compare);
        runtimes = List.copyOf(runtimes);
        show = Set.copyOf(show);
        references = Map.copyOf(references);
        if (kind == Kind.RUN && (task == null || compare.isEmpty() || runtimes.isEmpty()))
            throw new IllegalArgumentException("a run names a task, strategies and runtimes");
    }

    /** One spec per compared strategy, in the block's order, on {@code runtime}. */
    public List<ExperimentSpec> specs(RuntimeKind runtime) {
        return compare.stream().map(s -> new ExperimentSpec(s, task, tasks, workers, runtime, scale, switchInterval, repeat)).toList();
    }

    public Optional<Reference> reference(StrategyKind strategy) { return Optional.ofNullable(references.get(strategy)); }
}
