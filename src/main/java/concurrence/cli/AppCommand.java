package concurrence.cli;

import concurrence.engine.ExperimentSpec;
import concurrence.engine.RuntimeKind;
import concurrence.i18n.Messages;
import concurrence.journal.Entry;
import concurrence.journal.Export;
import concurrence.journal.ExportFormat;
import concurrence.journal.MachineFacts;
import concurrence.journal.NotebookFigures;
import concurrence.journal.PageRef;
import concurrence.journal.Progress;
import concurrence.journal.Session;
import concurrence.lesson.Course;
import concurrence.lesson.CourseLoader;
import concurrence.lesson.ExperimentDecl;
import concurrence.lesson.Lesson;
import concurrence.tui.App;
import concurrence.tui.ColorMode;
import concurrence.tui.Earlier;
import concurrence.tui.Exporter;
import concurrence.tui.Glyphs;
import concurrence.tui.TuiConfig;
import concurrence.turn.Turns;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code concurrence} with no sub-command: the course in the full-screen app. Reads the app's
 * options, loads the course, opens the journal (where the student left off, what was measured
 * before), and hands over to {@link App}; the app's results and pages go back into the journal.
 *
 * <pre>{@code
 * concurrence --lesson 4 --scale 0.1 --color 256
 * concurrence --lang en --ascii
 * }</pre>
 */
final class AppCommand extends SubCommand {
    static final String SYNTAX = "concurrence [--lesson N] [--lang fr|en] [--runtime R] [--scale X] [--color C] [--ascii] "
            + "[--bars B] [--lessons DIR]";

    AppCommand(PrintStream out, PrintStream err, Messages m, Map<String, String> env) {
        super(out, err, m, env);
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

    @Override int run(String[] args) {
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
        Optional<Course> loaded = course(request.root(), request.language());
        if (loaded.isEmpty()) return Cli.FAILED;
        Course course = loaded.get();
        List<Lesson> pages = course.lessons();
        if (request.lessonGiven() && pages.stream().noneMatch(l -> l.number() == request.lesson())) {
            err.println("concurrence: " + m.get("tui.bad.lesson", request.lesson(),
                    String.format("%02d", pages.get(0).number()), String.format("%02d", pages.get(pages.size() - 1).number())));
            return Cli.USAGE;
        }
        Warnings warnings = new Warnings(err);
        Session session = Session.open(env, m, "app", MachineFacts.detect(), warnings);
        TuiConfig config = configure(request, course, session);
        warnings.hold();
        try {
            return App.run(config, env, err);
        } finally {
            warnings.release();
        }
    }

    /** The course in {@code language}; empty, with its problems and why printed, when no page could be read. */
    Optional<Course> course(Path root, String language) {
        Course course = CourseLoader.load(root, language);
        if (!course.lessons().isEmpty()) return Optional.of(course);
        course.problems().forEach(err::println);
        err.println(m.get("tui.no.lessons", root));
        return Optional.empty();
    }

    /**
     * The app's configuration from the options, the course and the journal: the start page
     * ({@link #startPage}), the pages done, earlier results, and the journal as the sink of
     * results, pages and the export.
     */
    TuiConfig configure(Request request, Course course, Session session) {
        Path root = request.root();
        Progress progress = session.progress();
        return TuiConfig.of(course, language -> CourseLoader.load(root, language))
                .withStartPage(startPage(request.lessonGiven() ? Optional.of(request.lesson()) : Optional.empty(), progress, course))
                .withRuntime(request.runtime())
                .withScale(request.scale())
                .withColors(request.colors())
                .withGlyphs(request.glyphs())
                .withTurns(Turns.shared(env))
                .withDonePages(donePages(progress, course))
                .withEarlier(earlier(progress))
                .withSink(f -> session.record(f.batch(), Optional.of(f.page()), f.measurement(), f.load(), f.notebook()))
                .withPageShown(session::visit)
                .withExporter(exporter(session, course));
    }

    /**
     * Where the app opens: {@code --lesson N} if given, else the journal's last page if the
     * course still has it (by number and name, or by name if pages were renumbered), else the
     * first page.
     */
    static int startPage(Optional<Integer> lesson, Progress progress, Course course) {
        List<Lesson> pages = course.lessons();
        if (lesson.isPresent()) return lesson.get();
        if (progress.lastPage().isPresent()) {
            PageRef last = progress.lastPage().get();
            Optional<Lesson> found = pages.stream().filter(l -> l.number() == last.number() && l.slug().equals(last.slug())).findFirst()
                    .or(() -> pages.stream().filter(l -> l.slug().equals(last.slug())).findFirst());
            if (found.isPresent()) return found.get().number();
        }
        return pages.get(0).number();
    }

    /**
     * The pages the contents mark done: those with a result kept in the journal, and those
     * with nothing to run that were read (as the app marks them within a session).
     */
    static Set<Integer> donePages(Progress progress, Course course) {
        Set<Integer> done = new TreeSet<>(progress.resultsPerPage().keySet());
        for (Lesson l : course.lessons())
            if (progress.seen(l.number()) && l.experiments().stream().noneMatch(d -> d.kind() == ExperimentDecl.Kind.RUN))
                done.add(l.number());
        return done;
    }

    /**
     * The results of earlier sessions, page by page: the latest measurement of each distinct
     * experiment (same page, same spec), so that re-running a page does not lengthen the list.
     */
    static List<Earlier> earlier(Progress progress) {
        List<Earlier> out = new ArrayList<>();
        progress.resultsPerPage().forEach((page, runs) -> {
            Map<Object, Entry.Run> latest = new LinkedHashMap<>();
            for (Entry.Run r : runs) {
                latest.remove(r.measurement().spec());
                latest.put(r.measurement().spec(), r);
            }
            for (Entry.Run r : latest.values()) out.add(new Earlier(page, r.measurement(), r.notebook()));
        });
        return out;
    }

    /** Key e: the whole journal, in Markdown, into a new file of the current folder. */
    private Exporter exporter(Session session, Course course) {
        return () -> {
            if (!session.journal().available()) throw new IOException(session.journal().problem().orElse(""));
            Export.Written w = Export.toFolder(session.journal(), Path.of(""), ExportFormat.MARKDOWN, m, NotebookFigures.of(course));
            return new Exporter.Exported(String.valueOf(w.file().getFileName()), w.runs());
        };
    }

    /**
     * The journal's warnings: printed at once, except while the full screen is on (they would
     * garble it), when they are kept and printed after it.
     *
     * <pre>{@code
     * Warnings w = new Warnings(System.err);
     * w.hold();      // the app starts
     * w.accept("…"); // kept
     * w.release();   // the app has ended: printed now
     * }</pre>
     *
     * <p>Thread-safe: the app's threads warn while the loop runs; {@code this} guards both fields.
     */
    static final class Warnings implements Consumer<String> {
        private final PrintStream err;
        private final List<String> held = new ArrayList<>();
        private boolean holding;

        Warnings(PrintStream err) { this.err = err; }

        @Override public synchronized void accept(String warning) {
            if (holding) held.add(warning);
            else err.println(warning);
        }

        synchronized void hold() { holding = true; }

        synchronized void release() {
            holding = false;
            held.forEach(err::println);
            held.clear();
        }
    }

    Request request(CommandLine line) throws Parsing.BadUsage {
        int lesson = Parsing.intIn(line, "lesson", 0, 0, 99, m);
        String language = Parsing.language(line, m);
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
        Path root = Parsing.lessonsFolder(line, m, "tui.bad.lessons");
        return new Request(lesson, line.hasOption("lesson"), language, runtime, scale, ColorMode.detect(env, color),
                Glyphs.detect(env, line.hasOption("ascii"), bars), root);
    }
}
