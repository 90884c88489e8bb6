package concurrence.cli;

import concurrence.i18n.Messages;
import concurrence.lesson.Course;
import concurrence.lesson.CourseCheck;
import concurrence.lesson.CourseLoader;
import concurrence.lesson.ExperimentDecl;
import concurrence.lesson.Lesson;
import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.PrintStream;
import java.util.Map;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code concurrence lessons}: lists the pages of the course, or with {@code --check} validates
 * every page of both languages and that they match (exit code 1 on any problem).
 *
 * <pre>{@code
 * concurrence lessons --lang en
 * concurrence lessons --check --lessons ~/mon-cours
 * }</pre>
 */
final class LessonsCommand extends SubCommand {
    static final String SYNTAX = "concurrence lessons [--check] [--lang fr|en] [--lessons DIR]";

    LessonsCommand(PrintStream out, PrintStream err, Messages m, Map<String, String> env) {
        super(out, err, m, env);
    }

    Options options() {
        return new Options()
                .addOption(Parsing.flag("check", m.get("lessons.opt.check")))
                .addOption(Parsing.valued("lang", "fr|en", m.get("lessons.opt.lang")))
                .addOption(Parsing.valued("lessons", "DIR", m.get("lessons.opt.lessons")))
                .addOption(Parsing.flag("help", m.get("opt.help")));
    }

    @Override int run(String[] args) {
        Path root;
        String language;
        boolean check;
        try {
            CommandLine line = Parsing.parse(options(), args, m);
            if (line.hasOption("help")) {
                out.print(Parsing.help(SYNTAX, options(), m));
                return Cli.OK;
            }
            language = Parsing.language(line, m);
            root = Parsing.lessonsFolder(line, m, "lessons.bad.folder");
            check = line.hasOption("check");
        } catch (Parsing.BadUsage e) {
            err.println("concurrence lessons: " + e.getMessage());
            err.println(m.get("lessons.usage"));
            return Cli.USAGE;
        }
        return check ? check(root) : list(root, language);
    }

    private int check(Path root) {
        CourseCheck result = CourseLoader.check(root, m);
        result.problems().forEach(out::println);
        if (!result.ok()) {
            out.println(m.get("lessons.check.failed", result.problems().size(), root));
            return Cli.FAILED;
        }
        out.println(m.get("lessons.check.ok", result.french().lessons().size(), result.englishPages(), result.experiments()));
        return Cli.OK;
    }

    private int list(Path root, String language) {
        Course course = CourseLoader.load(root, language, m);
        out.println(m.get("lessons.list.header", root.resolve(language), course.lessons().size()));
        for (Lesson page : course.lessons()) {
            out.println();
            String fallback = page.language().equals(language) ? "" : "  " + m.get("lessons.list.fallback");
            out.printf("%02d  %s%s%n", page.number(), page.title(), fallback);
            out.println("    " + page.summary());
            for (ExperimentDecl e : page.experiments()) out.println("    ▸ " + compact(e));
        }
        if (course.problems().isEmpty()) return Cli.OK;
        err.println();
        course.problems().forEach(err::println);
        err.println(m.get("lessons.list.problems", course.problems().size()));
        return Cli.FAILED;
    }

    /** {@code 0.3} in English, {@code 0,3} in French. */
    private String decimal(double d) {
        String text = java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return m.language().equals(Messages.FRENCH) ? text.replace('.', ',') : text;
    }

    /** {@code threads, sequential · io · 5×5 · python, jvm+gil, jvm}, plus the scale and the runs when not 1. */
    String compact(ExperimentDecl e) {
        return switch (e.kind()) {
            case MACHINE -> m.get("lessons.list.kind.machine");
            case RUNTIMES -> m.get("lessons.list.kind.runtimes");
            case SUMMARY -> m.get("lessons.list.kind.summary");
            case RUN -> {
                List<String> parts = new ArrayList<>();
                parts.add(e.compare().stream().map(StrategyKind::id).collect(Collectors.joining(", ")));
                parts.add(e.task().id());
                parts.add(e.tasks() + "×" + e.workers());
                if (e.scale() != 1) parts.add(m.get("lessons.list.scale", decimal(e.scale())));
                if (e.repeat() > 1) parts.add(m.get("lessons.list.repeat", e.repeat()));
                parts.add(e.runtimes().stream().map(RuntimeKind::id).collect(Collectors.joining(", ")));
                yield String.join(" · ", parts);
            }
        };
    }
}
