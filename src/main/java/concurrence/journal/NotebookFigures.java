package concurrence.journal;

import concurrence.engine.ExperimentSpec;
import concurrence.lesson.Course;
import concurrence.lesson.ExperimentDecl;
import concurrence.lesson.Lesson;
import concurrence.lesson.Reference;

import java.util.Comparator;
import java.util.Optional;

/**
 * Finds the notebook's figure for a run from the lesson page it came from: the page's experiment
 * block of the same task that compares that strategy, and that block's {@code reference}.
 *
 * <pre>{@code
 * NotebookFigures figures = NotebookFigures.of(CourseLoader.load(CourseLoader.defaultRoot(), "fr"));
 * figures.find(new PageRef(5, "threads-cpu"), spec);   // Optional[wall 6.01 s, user 5.05 s, ...]
 * }</pre>
 */
@FunctionalInterface
public interface NotebookFigures {
    NotebookFigures NONE = (page, spec) -> Optional.empty();

    Optional<Reference> find(PageRef page, ExperimentSpec spec);

    /**
     * From a course: the page with that number (or, if pages were renumbered, that slug); among
     * its blocks of the run's task comparing its strategy, the one with its tasks and workers first.
     */
    static NotebookFigures of(Course course) {
        return (page, spec) -> course.lessons().stream()
                .filter(l -> l.number() == page.number() && l.slug().equals(page.slug())).findFirst()
                .or(() -> course.lessons().stream().filter(l -> l.slug().equals(page.slug())).findFirst())
                .flatMap(lesson -> figure(lesson, spec));
    }

    private static Optional<Reference> figure(Lesson lesson, ExperimentSpec spec) {
        return lesson.experiments().stream()
                .filter(d -> d.kind() == ExperimentDecl.Kind.RUN && d.task() == spec.task() && d.compare().contains(spec.strategy()))
                .filter(d -> d.reference(spec.strategy()).isPresent())
                .sorted(Comparator.comparing((ExperimentDecl d) -> d.tasks() == spec.tasks() && d.workers() == spec.workers()).reversed())
                .findFirst()
                .flatMap(d -> d.reference(spec.strategy()));
    }
}
