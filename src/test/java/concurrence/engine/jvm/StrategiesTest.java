package concurrence.engine.jvm;

import concurrence.engine.Cancellation;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.RunResult;
import concurrence.engine.RuntimeKind;
import concurrence.engine.Span;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each strategy, at a small scale, judged by the shape of its timeline rather than by its
 * timings: the machine is shared and noisy, but which tasks overlap does not depend on that.
 */
@DisplayName("Les stratégies sur la JVM")
class StrategiesTest {
    static final JvmRunner RUNNER = new JvmRunner();

    static RunResult run(StrategyKind s, TaskKind t, RuntimeKind r, double scale) throws InterruptedException {
        return RUNNER.run(ExperimentSpec.notebook(s, t).withRuntime(r).withScale(scale), e -> {}, new Cancellation());
    }

    /** The most tasks running at the same instant. */
    static int maxOverlap(List<Span> spans) {
        int best = 0;
        for (Span a : spans) {
            long at = a.startNanos();
            int n = (int) spans.stream().filter(b -> b.startNanos() <= at && at < b.endNanos()).count();
            best = Math.max(best, n);
        }
        return best;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StrategyKind.class)
    @Timeout(60)
    @DisplayName("chaque stratégie exécute chaque tâche une fois, io comme cpu")
    void everyTaskRunsOnce(StrategyKind s) throws InterruptedException {
        for (TaskKind t : TaskKind.values()) {
            RunResult r = run(s, t, RuntimeKind.JVM, 0.05);
            assertFalse(r.cancelled());
            assertEquals(List.of(0, 1, 2, 3, 4), r.timeline().stream().map(Span::task).sorted().toList(), s + " " + t);
            assertTrue(r.timeline().stream().allMatch(sp -> sp.worker() < r.spec().effectiveWorkers()));
            // Nothing beats physics: a tolerance for the clock's granularity only.
            assertTrue(r.wallNanos() >= 0.9 * r.idealNanos(), s + " " + t + ": " + r.wallNanos() + " < ideal " + r.idealNanos());
        }
    }

    @Test
    @Timeout(30)
    @DisplayName("en séquence, les tâches ne se chevauchent jamais ; avec des threads, les tâches io attendent ensemble")
    void sequentialNeverOverlapsThreadsWaitTogether() throws InterruptedException {
        assertEquals(1, maxOverlap(run(StrategyKind.SEQUENTIAL, TaskKind.IO, RuntimeKind.JVM, 0.05).timeline()));
        assertEquals(5, maxOverlap(run(StrategyKind.THREADS, TaskKind.IO, RuntimeKind.JVM, 0.2).timeline()));
        assertEquals(5, maxOverlap(run(StrategyKind.ASYNCIO, TaskKind.IO, RuntimeKind.JVM, 0.2).timeline()));
        assertEquals(5, maxOverlap(run(StrategyKind.VIRTUAL_THREADS, TaskKind.IO, RuntimeKind.JVM, 0.2).timeline()));
    }

    @Test
    @Timeout(30)
    @DisplayName("asyncio : une tâche cpu bloque la boucle, les tâches passent une à une")
    void asyncioCpuBlocksTheLoop() throws InterruptedException {
        RunResult r = run(StrategyKind.ASYNCIO, TaskKind.CPU, RuntimeKind.JVM, 0.05);
        assertEquals(1, maxOverlap(r.timeline()));
        assertEquals(List.of("Task-1", "Task-2", "Task-3", "Task-4", "Task-5"), r.workerNames());
    }

    @Test
    @Timeout(30)
    @DisplayName("threads virtuels sur du cpu : jamais plus de tâches à la fois que de porteurs (les cœurs)")
    void virtualThreadsRunOnCarriers() throws InterruptedException {
        RunResult r = run(StrategyKind.VIRTUAL_THREADS, TaskKind.CPU, RuntimeKind.JVM, 0.05);
        assertTrue(maxOverlap(r.timeline()) <= Runtime.getRuntime().availableProcessors(), r.timeline().toString());
    }

    @Test
    @Timeout(30)
    @DisplayName("le pool de threads nomme ses threads comme Java, et n'en crée pas plus que de workers")
    void poolThreadsAreNamed() throws InterruptedException {
        RunResult r = RUNNER.run(ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.IO).withTasks(8).withWorkers(3).withScale(0.02),
                e -> {}, new Cancellation());
        assertEquals(3, r.workerNames().size());
        assertTrue(r.workerNames().stream().allMatch(n -> n.matches("pool-\\d+-thread-[123]")), r.workerNames().toString());
        assertEquals(3, r.timeline().stream().map(Span::worker).collect(Collectors.toSet()).size());
    }

    @Test
    @Timeout(60)
    @DisplayName("le pool de processus : des JVM filles, leur CPU compté à part, leur mémoire mesurée")
    void processPoolUsesChildren() throws InterruptedException {
        RunResult r = run(StrategyKind.PROCESSES, TaskKind.CPU, RuntimeKind.JVM, 0.1);
        assertFalse(r.cancelled());
        assertEquals(5, r.memory().childPeakBytes().size());
        assertTrue(r.memory().childPeakBytes().stream().allMatch(b -> b > 1_000_000), r.memory().toString());
        // The work happened in the children: they used more CPU than this JVM did for the run.
        assertTrue(r.cpu().childrenNanos() > r.cpu().totalNanos(), r.cpu().toString());
        assertTrue(r.workerNames().stream().allMatch(n -> n.matches("process-\\d \\(pid \\d+\\)")), r.workerNames().toString());
        assertEquals(0, ProcessHandle.current().children().count(), "no child left behind");
    }
}
