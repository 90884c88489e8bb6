package concurrence.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("L'idéal : la limite physique de cette machine")
class IdealTest {
    private static final long S = 1_000_000_000L;

    private static ExperimentSpec spec(StrategyKind s, TaskKind t, int tasks, int workers, RuntimeKind r) {
        return ExperimentSpec.notebook(s, t).withTasks(tasks).withWorkers(workers).withRuntime(r);
    }

    @Test
    @DisplayName("io : ceil(tâches / workers) durées, une seule pour asyncio et les threads virtuels")
    void ioIsRoundsOfWaiting() {
        assertEquals(S, Ideal.nanos(spec(StrategyKind.THREADS, TaskKind.IO, 5, 5, RuntimeKind.JVM), 2, S));
        assertEquals(2 * S, Ideal.nanos(spec(StrategyKind.THREADS, TaskKind.IO, 6, 5, RuntimeKind.PYTHON), 2, S));
        assertEquals(5 * S, Ideal.nanos(spec(StrategyKind.SEQUENTIAL, TaskKind.IO, 5, 5, RuntimeKind.JVM), 2, S));
        assertEquals(S, Ideal.nanos(spec(StrategyKind.ASYNCIO, TaskKind.IO, 10_000, 5, RuntimeKind.JVM), 2, S));
        assertEquals(S, Ideal.nanos(spec(StrategyKind.VIRTUAL_THREADS, TaskKind.IO, 10_000, 5, RuntimeKind.JVM), 2, S));
    }

    @Test
    @DisplayName("cpu : les threads se partagent les cœurs, sauf sous un GIL")
    void cpuThreadsShareTheCores() {
        assertEquals(5 * S / 2, Ideal.nanos(spec(StrategyKind.THREADS, TaskKind.CPU, 5, 5, RuntimeKind.JVM), 2, S));
        assertEquals(5 * S, Ideal.nanos(spec(StrategyKind.THREADS, TaskKind.CPU, 5, 5, RuntimeKind.JVM_GIL), 2, S));
        assertEquals(5 * S, Ideal.nanos(spec(StrategyKind.THREADS, TaskKind.CPU, 5, 5, RuntimeKind.PYTHON), 2, S));
        assertEquals(5 * S / 2, Ideal.nanos(spec(StrategyKind.THREADS, TaskKind.CPU, 5, 5, RuntimeKind.PYTHON_FT), 2, S));
        assertEquals(5 * S / 4, Ideal.nanos(spec(StrategyKind.PROCESSES, TaskKind.CPU, 5, 5, RuntimeKind.PYTHON), 4, S));
        assertEquals(5 * S, Ideal.nanos(spec(StrategyKind.PROCESSES, TaskKind.CPU, 5, 1, RuntimeKind.JVM), 8, S));
    }

    @Test
    @DisplayName("cpu : une boucle d'événements ou la séquence ne font jamais mieux qu'un cœur")
    void cpuOnOneLoopIsSerial() {
        assertEquals(5 * S, Ideal.nanos(spec(StrategyKind.ASYNCIO, TaskKind.CPU, 5, 5, RuntimeKind.JVM), 8, S));
        assertEquals(5 * S, Ideal.nanos(spec(StrategyKind.SEQUENTIAL, TaskKind.CPU, 5, 5, RuntimeKind.JVM), 8, S));
    }

    @Test
    @DisplayName("cpu : les threads virtuels ne sont pas découpés dans le temps (2 + 2 + 1 sur 2 cœurs)")
    void virtualThreadsAreNotTimeSliced() {
        assertEquals(3 * S, Ideal.nanos(spec(StrategyKind.VIRTUAL_THREADS, TaskKind.CPU, 5, 5, RuntimeKind.JVM), 2, S));
        assertEquals(5 * S, Ideal.nanos(spec(StrategyKind.VIRTUAL_THREADS, TaskKind.CPU, 5, 5, RuntimeKind.JVM_GIL), 2, S));
    }

    @Test
    @DisplayName("l'efficacité est l'idéal sur le mesuré")
    void efficiencyIsIdealOverMeasured() {
        assertEquals(0.5, Ideal.efficiency(S, 2 * S), 1e-9);
        assertEquals(0, Ideal.efficiency(S, 0));
    }
}
