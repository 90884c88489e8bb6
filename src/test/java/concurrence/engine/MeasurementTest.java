package concurrence.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Répéter une mesure, comme %timeit")
class MeasurementTest {
    static RunResult run(long wall, boolean cancelled) {
        var spec = ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.IO);
        return new RunResult(spec, wall, CpuTimes.ZERO, List.of(), List.of(), Memory.UNKNOWN, 1_000, 1_000, 2,
                List.of(), cancelled, 0.1);
    }

    @Test
    @DisplayName("la moyenne et l'écart-type de population, comme IPython")
    void meanAndPopulationStandardDeviation() {
        var m = new Measurement(ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.IO),
                List.of(run(1_000, false), run(2_000, false), run(3_000, false)));
        assertEquals(2_000, m.meanNanos(), 1e-9);
        assertEquals(Math.sqrt(2.0 / 3.0) * 1_000, m.stdNanos(), 1e-6);
        assertEquals(2_000, m.medianNanos(), 1e-9);
        assertEquals(0.5, m.efficiency(), 1e-9);
    }

    @Test
    @DisplayName("une mesure annulée le dit, et une mesure vide n'existe pas")
    void cancelledAndEmpty() {
        var spec = ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.IO);
        assertTrue(new Measurement(spec, List.of(run(5, false), run(1, true))).cancelled());
        assertThrows(IllegalArgumentException.class, () -> new Measurement(spec, List.of()));
    }
}
