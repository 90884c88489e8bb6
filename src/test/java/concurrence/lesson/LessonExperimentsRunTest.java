package concurrence.lesson;

import concurrence.engine.Cancellation;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.Measurement;
import concurrence.engine.RunResult;
import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.engine.jvm.JvmRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every experiment a page names runs on this JVM, at a tiny scale: each compared strategy, on each
 * of the block's runtimes that is this JVM ({@code jvm}, {@code jvm+gil}). Tasks last 10 ms
 * (scale 0.01), at most {@value #MAX_TASKS} of them, repeated at most twice, so that the whole
 * course runs in seconds even on a loaded 2-core machine.
 */
@DisplayName("Chaque expérience d'une leçon tourne sur la JVM, en petit")
class LessonExperimentsRunTest {
    static final double SCALE = 0.01;
    static final int MAX_TASKS = 10_000;
    /** Platform threads are costly to start by the thousand; no page asks for more, but a cap keeps this test fast. */
    static final int MAX_PLATFORM_WORKERS = 100;
    static final int MAX_REPEAT = 2;
    /** A run cannot beat the physics: its wall time is at least this share of the ideal. */
    static final double AT_LEAST_OF_IDEAL = 0.9;

    private static final JvmRunner RUNNER = new JvmRunner();

    /** One strategy of one block on one runtime, named for the test report. */
    record Case(Lesson page, ExperimentDecl block, StrategyKind strategy, RuntimeKind runtime) {
        ExperimentSpec spec() {
            int workers = strategy == StrategyKind.THREADS ? Math.min(block.workers(), MAX_PLATFORM_WORKERS) : block.workers();
            return new ExperimentSpec(strategy, block.task(), Math.min(block.tasks(), MAX_TASKS), workers, runtime,
                    SCALE, block.switchInterval(), Math.min(block.repeat(), MAX_REPEAT));
        }

        @Override public String toString() {
            return "%02d-%s:%d %s sur %s".formatted(page.number(), page.slug(), block.line(), strategy.id(), runtime.id());
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Lesson page : CourseLoader.load(RealLessonsTest.root(), "fr").lessons())
            for (ExperimentDecl block : page.experiments())
                if (block.kind() == ExperimentDecl.Kind.RUN)
                    for (RuntimeKind runtime : block.runtimes())
                        if (runtime.isJvm())
                            for (StrategyKind strategy : block.compare()) cases.add(new Case(page, block, strategy, runtime));
        return cases;
    }

    @Test
    @DisplayName("chaque bloc run propose un runtime JVM, pour tourner sur une machine sans Python")
    void everyRunHasAJvmRuntime() {
        List<String> withoutJvm = new ArrayList<>();
        for (Lesson page : CourseLoader.load(RealLessonsTest.root(), "fr").lessons())
            for (ExperimentDecl block : page.experiments())
                if (block.kind() == ExperimentDecl.Kind.RUN && block.runtimes().stream().noneMatch(RuntimeKind::isJvm))
                    withoutJvm.add(page.source() + ":" + block.line());
        assertEquals(List.of(), withoutJvm);
        assertFalse(cases().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(30)
    @DisplayName("tourne jusqu'au bout, une tranche par tâche, jamais plus vite que l'idéal")
    void runs(Case c) throws InterruptedException {
        ExperimentSpec spec = c.spec();
        Measurement m = RUNNER.measure(spec, event -> {}, new Cancellation());
        assertFalse(m.cancelled(), "not cancelled");
        assertEquals(spec.repeat(), m.runs().size());
        for (RunResult r : m.runs()) {
            assertEquals(spec.tasks(), r.timeline().size(), "one span per task");
            assertEquals(spec.tasks(), r.timeline().stream().mapToInt(s -> s.task()).distinct().count(), "every task ran once");
            assertTrue(r.wallNanos() >= AT_LEAST_OF_IDEAL * r.idealNanos(),
                    () -> "wall %d ns is below %.1f x ideal %d ns".formatted(r.wallNanos(), AT_LEAST_OF_IDEAL, r.idealNanos()));
        }
    }
}
