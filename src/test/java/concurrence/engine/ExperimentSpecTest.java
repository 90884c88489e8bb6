package concurrence.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Une expérience se valide à sa construction")
class ExperimentSpecTest {
    @Test
    @DisplayName("les valeurs du carnet sont les valeurs par défaut")
    void notebookDefaults() {
        var s = ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.IO);
        assertEquals(5, s.tasks());
        assertEquals(5, s.workers());
        assertEquals(1_000_000_000L, s.taskNanos());
        assertEquals(Duration.ofMillis(5), s.switchInterval());
    }

    @Test
    @DisplayName("les valeurs absurdes sont refusées avec un message qui les nomme")
    void absurdValuesAreRefused() {
        var s = ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.IO);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.withTasks(0)).getMessage().contains("tasks"));
        assertThrows(IllegalArgumentException.class, () -> s.withWorkers(-1));
        assertThrows(IllegalArgumentException.class, () -> s.withScale(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> s.withScale(100));
        assertThrows(IllegalArgumentException.class, () -> s.withRepeat(0));
        assertThrows(IllegalArgumentException.class, () -> s.withSwitchInterval(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> s.withStrategy(StrategyKind.PROCESSES).withWorkers(500));
    }

    @Test
    @DisplayName("le nombre de workers réels dépend de la stratégie")
    void effectiveWorkers() {
        var s = ExperimentSpec.notebook(StrategyKind.SEQUENTIAL, TaskKind.IO).withTasks(7).withWorkers(3);
        assertEquals(1, s.effectiveWorkers());
        assertEquals(3, s.withStrategy(StrategyKind.THREADS).effectiveWorkers());
        assertEquals(7, s.withStrategy(StrategyKind.ASYNCIO).effectiveWorkers());
        assertEquals(7, s.withStrategy(StrategyKind.VIRTUAL_THREADS).effectiveWorkers());
        assertEquals(2, s.withTasks(2).withStrategy(StrategyKind.PROCESSES).effectiveWorkers());
    }
}
