package concurrence.lesson;

import concurrence.engine.StrategyKind;
import concurrence.i18n.Messages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Both languages of a course, validated, and whether they match: what
 * {@code concurrence lessons --check} prints.
 *
 * <pre>{@code
 * CourseCheck c = CourseLoader.check(Path.of("lessons"), Messages.of("fr"));
 * c.problems().forEach(System.out::println);   // lessons/en/06-gil.md:94: this experiment block differs ...
 * boolean fine = c.ok();
 * }</pre>
 *
 * @param problems every problem of both languages (each once), then every mismatch between them
 */
public record CourseCheck(Course french, Course english, List<Course.Problem> problems) {
    public CourseCheck {
        problems = List.copyOf(problems);
    }

    public boolean ok() { return problems.isEmpty(); }

    /** Experiment blocks of the French course. */
    public int experiments() { return french.lessons().stream().mapToInt(l -> l.experiments().size()).sum(); }

    /** Pages of the English course that are really in English (not French fallbacks). */
    public int englishPages() { return (int) english.lessons().stream().filter(l -> l.language().equals(Messages.ENGLISH)).count(); }

    /**
     * The mismatches between the languages: a page in one and not the other, a slug that differs,
     * experiment blocks that differ (in number, or in any key or reference). Pages that did not
     * load are left out of the comparison (their own problems say why).
     */
    static List<Course.Problem> parity(Path root, SortedMap<Integer, CourseLoader.PageFile> frFiles,
                                       SortedMap<Integer, CourseLoader.PageFile> enFiles,
                                       Course french, Course english, Messages m) {
        List<Course.Problem> out = new ArrayList<>();
        SortedSet<Integer> numbers = new TreeSet<>(frFiles.keySet());
        numbers.addAll(enFiles.keySet());
        for (int n : numbers) {
            CourseLoader.PageFile fr = frFiles.get(n);
            CourseLoader.PageFile en = enFiles.get(n);
            if (en == null) {
                out.add(new Course.Problem(fr.path(), 0, m.get("lessons.parity.no.english",
                        CourseLoader.expected(root, Messages.ENGLISH, fr))));
                continue;
            }
            if (fr == null) {
                out.add(new Course.Problem(en.path(), 0, m.get("lessons.parity.no.french", n)));
                continue;
            }
            if (!fr.slug().equals(en.slug())) out.add(new Course.Problem(en.path(), 0, m.get("lessons.parity.slug", n, fr.fileName())));
            Optional<Lesson> frPage = page(french, n, Messages.FRENCH);
            Optional<Lesson> enPage = page(english, n, Messages.ENGLISH);
            if (frPage.isEmpty() || enPage.isEmpty()) continue;
            List<ExperimentDecl> a = frPage.get().experiments();
            List<ExperimentDecl> b = enPage.get().experiments();
            if (a.size() != b.size()) {
                out.add(new Course.Problem(en.path(), 0, m.get("lessons.parity.count", b.size(), a.size(), fr.path())));
                continue;
            }
            for (int i = 0; i < a.size(); i++) {
                List<String> diff = differences(a.get(i), b.get(i));
                if (!diff.isEmpty())
                    out.add(new Course.Problem(en.path(), b.get(i).line(), m.get("lessons.parity.experiment",
                            fr.path() + ":" + a.get(i).line(), String.join(", ", diff))));
            }
        }
        return out;
    }

    private static Optional<Lesson> page(Course course, int number, String language) {
        return course.lessons().stream().filter(l -> l.number() == number && l.language().equals(language)).findFirst();
    }

    /** The keys (as a lesson writes them) whose values differ between two blocks; empty if they are the same. */
    static List<String> differences(ExperimentDecl a, ExperimentDecl b) {
        List<String> diff = new ArrayList<>();
        if (a.kind() != b.kind()) diff.add("kind");
        if (a.task() != b.task()) diff.add("task");
        if (!a.compare().equals(b.compare())) diff.add("compare");
        if (a.tasks() != b.tasks()) diff.add("tasks");
        if (a.workers() != b.workers()) diff.add("workers");
        if (!a.runtimes().equals(b.runtimes())) diff.add("runtimes");
        if (a.repeat() != b.repeat()) diff.add("repeat");
        if (Double.compare(a.scale(), b.scale()) != 0) diff.add("scale");
        if (!a.switchInterval().equals(b.switchInterval())) diff.add("switch-interval-ms");
        if (!a.show().equals(b.show())) diff.add("show");
        Set<StrategyKind> referenced = EnumSet.noneOf(StrategyKind.class);
        referenced.addAll(a.references().keySet());
        referenced.addAll(b.references().keySet());
        for (StrategyKind s : referenced)
            if (!Objects.equals(a.references().get(s), b.references().get(s))) diff.add("reference " + s.id());
        return diff;
    }
}
