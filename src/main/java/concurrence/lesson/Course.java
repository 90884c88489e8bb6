package concurrence.lesson;

import java.nio.file.Path;
import java.util.List;

/**
 * The pages of a course in one language, in order, and what was wrong with the files that did not
 * load (one broken page never stops the others).
 *
 * <pre>{@code
 * Course c = CourseLoader.load(Path.of("lessons"), "fr");
 * c.problems().forEach(p -> System.err.println(p));   // lessons/fr/05-threads-cpu.md:23: unknown strategy "thread"
 * }</pre>
 */
public record Course(String language, List<Lesson> lessons, List<Problem> problems) {
    public Course {
        lessons = List.copyOf(lessons);
        problems = List.copyOf(problems);
    }

    /** Something wrong in a lesson file, with where: {@code line} is 0 when it concerns the whole file. */
    public record Problem(Path file, int line, String message) {
        @Override public String toString() { return line > 0 ? file + ":" + line + ": " + message : file + ": " + message; }
    }
}
