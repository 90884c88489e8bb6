package concurrence.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Le tableau de bord replie les événements d'une exécution")
class BoardTest {
    private static final long MS = 1_000_000L;

    @Test
    @DisplayName("vide, il ne montre rien")
    void emptyBoard() {
        var board = new Board(new FakeClock());
        var s = board.sample(10);
        assertTrue(s.spec().isEmpty());
        assertEquals(0, s.workers().size());
    }

    @Nested
    @DisplayName("pendant une exécution io de 2 tâches sur 2 workers")
    class DuringAnIoRun {
        final FakeClock clock = new FakeClock();
        final Board board = new Board(clock);
        final ExperimentSpec spec = ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.IO).withTasks(3).withWorkers(2);
        final Recorder rec = new Recorder(clock, spec, 2, board);

        void start() {
            rec.start();
            rec.workerStarted(0, "pool-1-thread-1", 42);
            rec.workerStarted(1, "pool-1-thread-2", 42);
            rec.taskStarted(0, 0);
            rec.taskStarted(1, 1);
        }

        @Test
        @DisplayName("une tâche io avance avec le temps attendu, sans jamais atteindre 1 avant sa fin")
        void ioProgressFollowsTime() {
            start();
            clock.advance(250 * MS);
            var s = board.sample(10);
            assertEquals(2, s.workers().size());
            assertEquals(Board.State.RUNNING, s.workers().get(0).state());
            assertEquals(0.25, s.workers().get(0).fraction(), 1e-9);
            assertEquals("pool-1-thread-2", s.workers().get(1).name());
            clock.advance(10_000 * MS);
            assertEquals(0.999, board.sample(10).workers().get(0).fraction(), 1e-9);
        }

        @Test
        @DisplayName("une tâche finie devient un bloc de la frise, et le worker passe à la suivante")
        void finishedTasksBecomeSpans() {
            start();
            clock.advance(1_000 * MS);
            rec.taskFinished(0, 0);
            rec.taskStarted(0, 2);
            clock.advance(500 * MS);
            var s = board.sample(10);
            assertEquals(1, s.tasksDone());
            assertEquals(2, s.workers().get(0).task());
            assertEquals(1, s.workers().get(0).tasksDone());
            // one finished span, two running ones that end "now"
            assertEquals(3, s.spans().size());
            assertTrue(s.spans().contains(new Span(0, 0, 0, 1_000 * MS)));
            assertTrue(s.spans().contains(new Span(1, 1, 0, 1_500 * MS)));
        }

        @Test
        @DisplayName("on ne montre que les premiers workers demandés, mais on les compte tous")
        void rowsAreLimited() {
            start();
            var s = board.sample(1);
            assertEquals(1, s.workers().size());
            assertEquals(2, s.workerCount());
        }
    }

    @Test
    @DisplayName("une tâche cpu avance de ce qu'elle écrit dans sa cellule, sans verrou")
    void cpuProgressIsWhatTheTaskWrote() {
        var clock = new FakeClock();
        var board = new Board(clock);
        var spec = ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.CPU).withTasks(1).withWorkers(1);
        var rec = new Recorder(clock, spec, 1, board);
        rec.start();
        rec.taskStarted(0, 0);
        clock.advance(900 * MS);
        rec.progress(0, 0.4);
        assertEquals(0.4, board.sample(5).workers().get(0).fraction(), 1e-6);
    }

    @Test
    @DisplayName("le GIL : qui le tient, et chaque passage de main")
    void gilHolderAndHandoffs() {
        var clock = new FakeClock();
        var board = new Board(clock);
        var spec = ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.CPU).withRuntime(RuntimeKind.JVM_GIL);
        var rec = new Recorder(clock, spec, 5, board);
        rec.start();
        rec.handoff(-1, 0);
        clock.advance(5 * MS);
        rec.handoff(0, 1);
        var s = board.sample(5);
        assertEquals(1, s.gilHolder());
        assertEquals(List.of(new Handoff(-1, 0, 0), new Handoff(0, 1, 5 * MS)), s.handoffs());
    }

    @Test
    @Timeout(20)
    @DisplayName("des milliers d'événements venus de plusieurs threads à la fois : aucun n'est perdu")
    void manyWritersLoseNothing() throws InterruptedException {
        var clock = new FakeClock();
        var board = new Board(clock);
        int threads = 8, perThread = 1_000;
        var spec = ExperimentSpec.notebook(StrategyKind.VIRTUAL_THREADS, TaskKind.IO).withTasks(threads * perThread);
        var rec = new Recorder(clock, spec, threads * perThread, board);
        rec.start();
        var go = new CountDownLatch(1);
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int base = t * perThread;
            ts[t] = Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = base; i < base + perThread; i++) {
                    rec.taskStarted(i, i);
                    rec.taskFinished(i, i);
                }
            });
        }
        go.countDown();
        for (int i = 0; i < 50; i++) board.sample(20);   // sampling while they write
        for (Thread t : ts) t.join();
        var s = board.sample(20);
        assertEquals(threads * perThread, s.tasksDone());
        assertEquals(1.0, s.overall(), 1e-9);
    }
}
