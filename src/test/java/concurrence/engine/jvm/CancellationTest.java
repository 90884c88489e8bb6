package concurrence.engine.jvm;

import concurrence.engine.Cancellation;
import concurrence.engine.Event;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.RunResult;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Annuler une exécution")
class CancellationTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(StrategyKind.class)
    @Timeout(60)
    @DisplayName("une exécution de 5 s s'arrête dès qu'on l'annule, workers arrêtés, enfants tués")
    void cancelStopsTheRun(StrategyKind strategy) throws Exception {
        for (TaskKind task : TaskKind.values()) {
            var cancel = new Cancellation();
            var started = new CountDownLatch(1);
            var spec = ExperimentSpec.notebook(strategy, task).withScale(strategy == StrategyKind.SEQUENTIAL ? 1 : 5);
            var result = new RunResult[1];
            Thread t = Thread.ofPlatform().daemon().start(() -> {
                try {
                    result[0] = new JvmRunner().run(spec, e -> {
                        if (e instanceof Event.TaskStarted) started.countDown();
                    }, cancel);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(started.await(20, TimeUnit.SECONDS), "a task started");
            long t0 = System.nanoTime();
            cancel.cancel();
            t.join(10_000);
            assertTrue(result[0] != null && result[0].cancelled(), strategy + " " + task + " returned cancelled");
            assertTrue(System.nanoTime() - t0 < 3_000_000_000L, strategy + " " + task + " stopped within 3 s");
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (ProcessHandle.current().children().findAny().isPresent() && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(0, ProcessHandle.current().children().count(), "no child left");
        }
    }
}
