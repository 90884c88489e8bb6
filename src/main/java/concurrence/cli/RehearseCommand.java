package concurrence.cli;

import concurrence.engine.ExperimentSpec;
import concurrence.engine.Runners;
import concurrence.i18n.Messages;
import concurrence.lesson.Course;
import concurrence.lesson.CourseLoader;
import concurrence.tui.ColorMode;
import concurrence.tui.Glyphs;
import concurrence.tui.TuiConfig;
import concurrence.tui.lanterna.Rehearsal;
import concurrence.turn.Turns;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code concurrence rehearse}: plays the whole course once on an invisible screen, each
 * experiment on the JVM runtimes at a small scale, and keeps nothing (no journal, no results).
 * The launchers run it once per build of the jar, in a JVM that writes its start-up cache as it
 * exits (README: "Start-up caches"); it is also a quick smoke test of the app.
 *
 * <pre>{@code
 * concurrence rehearse                 # about five seconds on two cores
 * concurrence rehearse --scale 0.1
 * }</pre>
 */
final class RehearseCommand extends SubCommand {
    static final String SYNTAX = "concurrence rehearse [--scale X] [--lessons DIR] [--lang fr|en]";
    /** Tasks of 20 ms: every code path of a run, in a fraction of a second per experiment. */
    static final double SCALE = 0.02;
    /** A cpu run waits for the machine's turn as any other does (a classmate may be measuring), but not for long. */
    static final Duration MAX_TURN_WAIT = Duration.ofSeconds(10);

    RehearseCommand(PrintStream out, PrintStream err, Messages m, Map<String, String> env) {
        super(out, err, m, env);
    }

    Options options() {
        return new Options()
                .addOption(Parsing.valued("scale", "X", m.get("tui.opt.scale")))
                .addOption(Parsing.valued("lessons", "DIR", m.get("tui.opt.lessons")))
                .addOption(Parsing.valued("lang", "fr|en", m.get("opt.lang")))
                .addOption(Parsing.flag("help", m.get("opt.help")));
    }

    @Override int run(String[] args) {
        double scale;
        Path root;
        String language;
        try {
            CommandLine line = Parsing.parse(options(), args, m);
            if (line.hasOption("help")) {
                out.print(Parsing.help(SYNTAX, options(), m));
                out.println(m.get("rehearse.what"));
                return Cli.OK;
            }
            scale = Parsing.doubleIn(line, "scale", SCALE, ExperimentSpec.MIN_SCALE, ExperimentSpec.MAX_SCALE, m);
            language = Parsing.language(line, m);
            root = Parsing.lessonsFolder(line, m, "tui.bad.lessons");
        } catch (Parsing.BadUsage e) {
            err.println("concurrence rehearse: " + e.getMessage());
            err.println(m.get("rehearse.usage", SYNTAX));
            return Cli.USAGE;
        }
        Course course = CourseLoader.load(root, language);
        if (course.lessons().isEmpty()) {
            course.problems().forEach(err::println);
            err.println(m.get("tui.no.lessons", root));
            return Cli.FAILED;
        }
        Turns shared = Turns.shared(env);
        TuiConfig config = TuiConfig.of(course, lang -> CourseLoader.load(root, lang))
                .withScale(scale)
                .withColors(ColorMode.INDEXED_256)
                .withGlyphs(Glyphs.of(Glyphs.Bars.EIGHTHS, false))
                .withTurns(new Turns(shared.dir(), shared.maxWait().compareTo(MAX_TURN_WAIT) < 0 ? shared.maxWait() : MAX_TURN_WAIT))
                // The JVM's runtimes only: a Python's run would teach the cache nothing it keeps.
                .withRunners(r -> r.isJvm() ? Runners.forRuntime(r) : Optional.empty());
        long start = System.nanoTime();
        Rehearsal.Outcome o = Rehearsal.play(config, err);
        if (!o.ok()) {
            err.println(m.get("rehearse.failed", o.failed().isEmpty() ? "exit " + o.exitCode() : o.failed()));
            return Cli.FAILED;
        }
        out.println(m.get("rehearse.done", course.lessons().size(), o.steps(), (System.nanoTime() - start) / 1e9));
        return Cli.OK;
    }
}
