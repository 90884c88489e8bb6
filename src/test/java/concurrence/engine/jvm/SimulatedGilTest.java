package concurrence.engine.jvm;

import concurrence.engine.Cancellation;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.Handoff;
import concurrence.engine.RunResult;
import concurrence.engine.RuntimeKind;
import concurrence.engine.Span;
import concurrence.engine.StrategyKind;
import concurrence.engine.SystemClock;
import concurrence.engine.TaskKind;
import concurrence.engine.Recorder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Le GIL simulé")
class SimulatedGilTest {

    @Test
    @Timeout(30)
    @DisplayName("jamais deux tâches ne calculent en même temps, et chacune y passe à son tour")
    void neverTwoAtOnce() throws InterruptedException {
        var spec = ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.CPU).withRuntime(RuntimeKind.JVM_GIL)
                .withSwitchInterval(Duration.ofMillis(1));
        var rec = new Recorder(SystemClock.INSTANCE, spec, 4, e -> {});
        rec.start();
        var gil = new SimulatedGil(spec.switchInterval(), rec);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger worst = new AtomicInteger();
        Thread[] ts = new Thread[4];
        for (int w = 0; w < ts.length; w++) {
            int worker = w;
            ts[w] = Thread.ofPlatform().daemon().start(() -> {
                try {
                    gil.acquire(worker);
                    long end = System.nanoTime() + 150_000_000L;
                    while (System.nanoTime() < end) {
                        worst.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        CpuKernel.sink = CpuKernel.compute(0, 10_000, 0);
                        inside.decrementAndGet();
                        gil.tick(worker);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    gil.release(worker);
                }
            });
        }
        for (Thread t : ts) t.join();
        assertEquals(1, worst.get());
        // Fair hand-overs: every worker got the lock many times, not once each in a row.
        var counts = rec.handoffs().stream().filter(h -> h.to() >= 0).collect(Collectors.groupingBy(Handoff::to, Collectors.counting()));
        assertEquals(4, counts.size(), counts.toString());
        assertTrue(counts.values().stream().allMatch(c -> c >= 3), counts.toString());
    }

    @Test
    @Timeout(60)
    @DisplayName("sous le GIL, des threads cpu avancent ensemble et finissent tous vers la fin, comme sous CPython")
    void threadsCrawlTogether() throws InterruptedException {
        RunResult r = new JvmRunner().run(ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.CPU)
                .withRuntime(RuntimeKind.JVM_GIL).withScale(0.1), e -> {}, new Cancellation());
        assertTrue(r.handoffs().size() > 20, "handoffs: " + r.handoffs().size());
        // With a fair lock no task finishes in the first half of the run (an unfair one would finish them one by one).
        for (Span s : r.timeline())
            assertTrue(s.endNanos() > r.wallNanos() / 2, "task " + s.task() + " ended at " + s.endNanos() + " of " + r.wallNanos());
    }

    @Test
    @Timeout(30)
    @DisplayName("une tâche io rend le GIL pendant qu'elle attend : cinq attentes se font ensemble")
    void ioReleasesTheGil() throws InterruptedException {
        RunResult r = new JvmRunner().run(ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.IO)
                .withRuntime(RuntimeKind.JVM_GIL).withScale(0.2), e -> {}, new Cancellation());
        assertEquals(5, StrategiesTest.maxOverlap(r.timeline()));
        // And the GIL is free while they sleep: held for a sliver of the run, not by the last holder all along.
        long held = 0;
        List<Handoff> h = r.handoffs();
        for (int i = 0; i < h.size(); i++) {
            long until = i + 1 < h.size() ? h.get(i + 1).atNanos() : r.wallNanos();
            if (h.get(i).to() >= 0) held += until - h.get(i).atNanos();
        }
        assertTrue(held < r.wallNanos() / 10, "GIL held " + held + " ns of " + r.wallNanos());
        assertEquals(-1, h.get(h.size() - 1).to(), "free at the end: " + h);
    }
}
