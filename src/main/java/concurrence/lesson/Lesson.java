package concurrence.lesson;

import java.nio.file.Path;
import java.util.List;

/**
 * One page of the course, parsed and validated: its text as blocks, its code, its experiments.
 *
 * <pre>{@code
 * Course course = CourseLoader.load(Path.of("lessons"), "fr");
 * Lesson page = course.lessons().get(4);        // 04-threads-io
 * page.experiments().get(0).compare();          // [THREADS, SEQUENTIAL]
 * }</pre>
 *
 * @param number   the page's number, from its file name ({@code 04-threads-io.md} is 4)
 * @param slug     the rest of the file name ({@code threads-io})
 * @param language the language it is written in ({@code fr}, {@code en}); an English course
 *                 falling back on a French page says {@code fr} here
 * @param notebook which notebook cells it mirrors, free text ("" when not given)
 */
public record Lesson(int number, String slug, String language, Path source, String title, String summary,
                     String notebook, List<Block> blocks) {
    public Lesson {
        blocks = List.copyOf(blocks);
        if (number < 0) throw new IllegalArgumentException("a page number is not negative: " + number);
    }

    /** The page's experiments, in order. */
    public List<ExperimentDecl> experiments() {
        return blocks.stream().filter(b -> b instanceof Block.Experiment).map(b -> ((Block.Experiment) b).decl()).toList();
    }
}
