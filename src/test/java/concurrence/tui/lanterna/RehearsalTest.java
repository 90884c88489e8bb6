package concurrence.tui.lanterna;

import concurrence.engine.Runners;
import concurrence.engine.RuntimeKind;
import concurrence.engine.TaskKind;
import concurrence.lesson.Course;
import concurrence.lesson.CourseLoader;
import concurrence.lesson.ExperimentDecl;
import concurrence.tui.Finished;
import concurrence.tui.TuiConfig;
import concurrence.turn.Turns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rehearsal drives the real render loop on a virtual terminal through the whole course. */
class RehearsalTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private TuiConfig config(Course course, Path turns) {
        return TuiConfig.of(course, lang -> CourseLoader.load(CourseLoader.defaultRoot(), lang))
                .withScale(0.01)
                .withTurns(new Turns(turns, Duration.ofSeconds(5)))
                .withRunners(r -> r.isJvm() ? Runners.forRuntime(r) : Optional.empty());
    }

    @Test void playsEveryExperimentOfTheCourseAndQuits(@TempDir Path turns) {
        Course course = CourseLoader.load(CourseLoader.defaultRoot(), "fr");
        List<Finished> finished = new CopyOnWriteArrayList<>();
        List<Integer> shown = new CopyOnWriteArrayList<>();

        Rehearsal.Outcome o = Rehearsal.play(config(course, turns).withSink(finished::add)
                .withPageShown(p -> shown.add(p.number())), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertTrue(o.ok(), () -> "failed at: " + o.failed() + ", exit " + o.exitCode() + "\n" + err);
        long blocks = course.lessons().stream().flatMap(l -> l.experiments().stream())
                .filter(d -> d.kind() == ExperimentDecl.Kind.RUN).count();
        // Each block run once, and the first cpu block once more on each other JVM runtime it offers.
        long others = course.lessons().stream().flatMap(l -> l.experiments().stream())
                .filter(d -> d.kind() == ExperimentDecl.Kind.RUN && d.task() == TaskKind.CPU).findFirst().orElseThrow()
                .runtimes().stream().filter(RuntimeKind::isJvm).count() - 1;
        assertEquals(blocks + others, finished.stream().map(Finished::batch).distinct().count());
        assertTrue(finished.stream().noneMatch(f -> f.measurement().cancelled()));
        assertEquals(course.lessons().stream().map(l -> l.number()).toList(), shown.stream().distinct().toList());
    }

    @Test void saysWhichStepDidNotHappen(@TempDir Path turns) {
        Course course = CourseLoader.load(CourseLoader.defaultRoot(), "fr");
        // No runner at all: Enter on the first page with an experiment says so, and no run starts.
        TuiConfig none = config(course, turns).withRunners(r -> Optional.empty());

        Rehearsal.Outcome o = Rehearsal.play(none, new PrintStream(err, true, StandardCharsets.UTF_8), Duration.ofMillis(400));

        assertFalse(o.ok());
        String first = course.lessons().stream().filter(l -> l.experiments().stream()
                .anyMatch(d -> d.kind() == ExperimentDecl.Kind.RUN)).findFirst().orElseThrow().number() + "";
        assertTrue(o.failed().startsWith("the run of page " + first + " to start"), o.failed());
        assertEquals(0, o.exitCode(), "the app was quit after the failed step");
    }
}
