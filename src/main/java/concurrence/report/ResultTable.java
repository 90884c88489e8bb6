package concurrence.report;

import concurrence.engine.Machine;
import concurrence.engine.Measurement;
import concurrence.engine.StrategyKind;
import concurrence.lesson.Reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a result table shows: for each measurement, the notebook's figure when there is one, what
 * was measured here, the ideal, the efficiency, and the speed-up against sequential.
 *
 * <pre>{@code
 * ResultTable t = ResultTable.of(machine, List.of(sequential, threads), s -> Optional.empty());
 * t.rows().get(1).speedup();   // OptionalDouble[4.98]: threads against sequential, same runtime and task
 * }</pre>
 */
public record ResultTable(Machine machine, List<Row> rows) {
    public ResultTable { rows = List.copyOf(rows); }

    /** One measurement and what it is set beside. */
    public record Row(Measurement measurement, Optional<Reference> notebook, OptionalDouble speedup) {}

    /** Builds the rows; the speed-up is against the sequential run of the same runtime and task, if any. */
    public static ResultTable of(Machine machine, List<Measurement> measurements,
                                 java.util.function.Function<Measurement, Optional<Reference>> notebook) {
        List<Row> rows = new ArrayList<>();
        for (Measurement m : measurements) {
            OptionalDouble speedup = measurements.stream()
                    .filter(o -> o.spec().strategy() == StrategyKind.SEQUENTIAL && o.spec().runtime() == m.spec().runtime()
                            && o.spec().task() == m.spec().task() && !o.cancelled())
                    .findFirst()
                    .map(seq -> OptionalDouble.of(seq.meanNanos() / m.meanNanos()))
                    .orElse(OptionalDouble.empty());
            rows.add(new Row(m, notebook.apply(m), m.cancelled() ? OptionalDouble.empty() : speedup));
        }
        return new ResultTable(machine, rows);
    }
}
