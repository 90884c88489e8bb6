package concurrence.cli;

import concurrence.engine.ExperimentSpec;
import concurrence.engine.Runners;
import concurrence.i18n.Messages;
import concurrence.journal.MachineFacts;
import concurrence.journal.Session;
import concurrence.lesson.Course;
import concurrence.tui.ColorMode;
import concurrence.tui.Glyphs;
import concurrence.tui.TuiConfig;
import concurrence.tui.lanterna.Rehearsal;
import concurrence.turn.Turns;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code concurrence rehearse}: plays the whole course once on a terminal emulated in memory,
 * each experiment on the JVM runtimes at a small scale, wired as the app is (its journal and
 * progress go to a temporary folder, deleted after): nothing is kept.
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
        Optional<Course> loaded = new AppCommand(out, err, m, env).course(root, language);
        if (loaded.isEmpty()) return Cli.FAILED;
        Course course = loaded.get();
        // The app's own wiring (journal, progress, export), on a journal of its own that is thrown
        // away after: the cache then holds what a student's launch reads and writes.
        Path state;
        try {
            state = Files.createTempDirectory("concurrence-rehearsal-");
        } catch (IOException e) {
            err.println(m.get("rehearse.failed", e.toString()));   // names the exception: AccessDeniedException: /tmp/...
            return Cli.FAILED;
        }
        Map<String, String> privateEnv = new HashMap<>(env);
        privateEnv.put("XDG_STATE_HOME", state.toAbsolutePath().toString());
        Session session = Session.open(privateEnv, m, "app", MachineFacts.detect(), err::println);
        AppCommand app = new AppCommand(out, err, m, privateEnv);
        Turns shared = Turns.shared(env);
        TuiConfig config = app.configure(new AppCommand.Request(0, false, language, Optional.empty(), scale,
                        ColorMode.INDEXED_256, Glyphs.of(Glyphs.Bars.EIGHTHS, false), root), course, session)
                .withTurns(new Turns(shared.dir(), shared.maxWait().compareTo(MAX_TURN_WAIT) < 0 ? shared.maxWait() : MAX_TURN_WAIT))
                // The JVM's runtimes only: a Python's run would teach the cache nothing it keeps.
                .withRunners(r -> r.isJvm() ? Runners.forRuntime(r) : Optional.empty());
        long start = System.nanoTime();
        Rehearsal.Outcome o;
        try {
            o = Rehearsal.play(config, err);
        } finally {
            deleteTree(state);
        }
        if (!o.ok()) {
            err.println(m.get("rehearse.failed", o.failed().isEmpty() ? "exit " + o.exitCode() : o.failed()));
            return Cli.FAILED;
        }
        out.println(m.get("rehearse.done", course.lessons().size(), o.steps(), (System.nanoTime() - start) / 1e9));
        return Cli.OK;
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder: the system cleans it up in the end
        }
    }
}
