package concurrence.cli;

import concurrence.engine.ExperimentSpec;
import concurrence.engine.RuntimeKind;
import concurrence.i18n.Messages;
import concurrence.lesson.Course;
import concurrence.lesson.CourseLoader;
import concurrence.lesson.Lesson;
import concurrence.tui.App;
import concurrence.tui.ColorMode;
import concurrence.tui.Glyphs;
import concurrence.tui.TuiConfig;
import concurrence.turn.Turns;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code concurrence} with no sub-command: the course in the full-screen app. Reads the app's
 * options, loads the course, and hands over to {@link App}.
 *
 * <pre>{@code
 * concurrence --lesson 4 --scale 0.1 --color 256
 * concurrence --lang en --ascii
 * }</pre>
 */
final class AppCommand {
    static final String SYNTAX = "concurrence [--lesson N] [--lang fr|en] [--runtime R] [--scale X] [--color C] [--ascii] "
            + "[--bars B] [--lessons DIR]";
    private final PrintStream out;
    private final PrintStream err;
    private final Messages m;
    private final Map<String, String> env;

    AppCommand(PrintStream out, PrintStream err, Messages m, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.m = m;
        this.env = env;
    }

    Options options() {
        return new Options()
                .addOption(Parsing.valued("lesson", "N", m.get("tui.opt.lesson")))
                .addOption(Parsing.valued("lang", "fr|en", m.get("opt.lang")))
                .addOption(Parsing.valued("runtime", "R", m.get("tui.opt.runtime", RuntimeKind.names())))
                .addOption(Parsing.valued("scale", "X", m.get("tui.opt.scale")))
                .addOption(Parsing.valued("color", "C", m.get("tui.opt.color")))
                .addOption(Parsing.flag("ascii", m.get("tui.opt.ascii")))
                .addOption(Parsing.valued("bars", "B", m.get("tui.opt.bars")))
                .addOption(Parsing.valued("lessons", "DIR", m.get("tui.opt.lessons")))
                .addOption(Parsing.flag("version", m.get("tui.opt.version")))
                .addOption(Parsing.flag("help", m.get("opt.help")));
    }

    /** The options, checked: what the app starts with, before the course is read. */
    record Request(int lesson, boolean lessonGiven, String language, Optional<RuntimeKind> runtime, double scale,
                   ColorMode colors, Glyphs glyphs, Path root) {}

    int run(String[] args) {
        Request request;
        try {
            CommandLine line = Parsing.parse(options(), args, m);
            if (line.hasOption("help")) {
                out.print(Parsing.help(SYNTAX, options(), m));
                out.println(m.get("cli.usage"));
                return Cli.OK;
            }
            if (line.hasOption("version")) {
                String v = AppCommand.class.getPackage().getImplementationVersion();
                out.println("concurrence " + (v != null ? v : "dev"));
                return Cli.OK;
            }
            request = request(line);
        } catch (Parsing.BadUsage e) {
            err.println("concurrence: " + e.getMessage());
            err.println(m.get("tui.usage", SYNTAX));
            return Cli.USAGE;
        }
        Course course = CourseLoader.load(request.root(), request.language());
        if (course.lessons().isEmpty()) {
            course.problems().forEach(err::println);
            err.println(m.get("tui.no.lessons", request.root()));
            return Cli.FAILED;
        }
        List<Lesson> pages = course.lessons();
        if (request.lessonGiven() && pages.stream().noneMatch(l -> l.number() == request.lesson())) {
            err.println("concurrence: " + m.get("tui.bad.lesson", request.lesson(),
                    String.format("%02d", pages.get(0).number()), String.format("%02d", pages.get(pages.size() - 1).number())));
            return Cli.USAGE;
        }
        Path root = request.root();
        TuiConfig config = TuiConfig.of(course, language -> CourseLoader.load(root, language))
                .withStartPage(request.lesson())
                .withRuntime(request.runtime())
                .withScale(request.scale())
                .withColors(request.colors())
                .withGlyphs(request.glyphs())
                .withTurns(Turns.shared(env));
        return App.run(config, env, err);
    }

    Request request(CommandLine line) throws Parsing.BadUsage {
        int lesson = Parsing.intIn(line, "lesson", 0, 0, 99, m);
        String language = line.getOptionValue("lang", Messages.FRENCH);
        if (!CourseLoader.LANGUAGES.contains(language)) throw new Parsing.BadUsage(m.get("cli.bad.lang", language));
        Optional<RuntimeKind> runtime = Optional.empty();
        if (line.hasOption("runtime")) {
            String text = line.getOptionValue("runtime");
            runtime = Optional.of(RuntimeKind.parse(text).orElseThrow(() ->
                    new Parsing.BadUsage(m.get("tui.bad.runtime", text, RuntimeKind.names()))));
        }
        double scale = Parsing.doubleIn(line, "scale", 1, ExperimentSpec.MIN_SCALE, ExperimentSpec.MAX_SCALE, m);
        String colorText = line.getOptionValue("color", "auto");
        Optional<ColorMode> color = ColorMode.parse(colorText).orElseThrow(() -> new Parsing.BadUsage(m.get("tui.bad.color", colorText)));
        Optional<Glyphs.Bars> bars = Optional.empty();
        if (line.hasOption("bars")) {
            String text = line.getOptionValue("bars");
            bars = Optional.of(Glyphs.Bars.parse(text).orElseThrow(() -> new Parsing.BadUsage(m.get("tui.bad.bars", text))));
        }
        Path root;
        String folder = line.getOptionValue("lessons");
        try {
            if (folder != null && !Files.isDirectory(Path.of(folder))) throw new Parsing.BadUsage(m.get("tui.bad.lessons", folder));
            root = folder != null ? Path.of(folder) : CourseLoader.defaultRoot();
        } catch (InvalidPathException e) {
            throw new Parsing.BadUsage(m.get("tui.bad.lessons", folder));
        }
        return new Request(lesson, line.hasOption("lesson"), language, runtime, scale, ColorMode.detect(env, color),
                Glyphs.detect(env, line.hasOption("ascii"), bars), root);
    }
}
