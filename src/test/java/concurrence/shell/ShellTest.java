package concurrence.shell;

import concurrence.engine.Cancellation;
import concurrence.engine.CpuTimes;
import concurrence.engine.Event;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.Memory;
import concurrence.engine.Recorder;
import concurrence.engine.RunResult;
import concurrence.engine.Runner;
import concurrence.engine.Runners;
import concurrence.engine.RuntimeKind;
import concurrence.engine.SystemClock;
import concurrence.i18n.Messages;
import concurrence.journal.Entry;
import concurrence.journal.Journal;
import concurrence.journal.MachineFacts;
import concurrence.journal.PageRef;
import concurrence.journal.Progress;
import concurrence.journal.Session;
import concurrence.lesson.Course;
import concurrence.lesson.CourseLoader;
import concurrence.turn.Turns;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shell driven by scripted keys through JLine terminals over streams (no tty): a dumb
 * terminal for a session of commands, an xterm-like one for the lines redrawn in place and Ctrl-C.
 */
@DisplayName("Le mode ligne, piloté au clavier")
class ShellTest {
    private final Messages fr = Messages.of("fr");
    private static final Course COURSE = CourseLoader.load(CourseLoader.defaultRoot(), "fr");

    @TempDir Path tmp;

    private Session session(List<String> warnings) {
        return new Session(Journal.open(tmp.resolve("state"), fr), MachineFacts.detect(), "shell", warnings::add, Clock.systemUTC());
    }

    private Shell shell(Terminal terminal, Session session, Function<RuntimeKind, Optional<Runner>> runners, boolean plain) {
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).completer(new ShellCompleter(() -> List.of(0, 1, 4))).build();
        return new Shell(new TerminalConsole(terminal, reader, plain), fr, COURSE, session,
                new Turns(tmp.resolve("turns"), Duration.ofSeconds(5)), runners);
    }

    @Test
    @Timeout(60)
    @DisplayName("une séance tapée : le sommaire, une page, son expérience, une autre, les résultats, une faute, l'aide")
    void aTypedSession() throws IOException {
        String keys = String.join("\n", "pages", "page 4", "lancer --scale 0.01", "run threads io --tasks 3 --workers 3 --scale 0.01",
                "résultats", "frobnicate", "aide", "") ;
        var screen = new ByteArrayOutputStream();
        List<String> warnings = new ArrayList<>();
        Session session = session(warnings);
        int code;
        try (Terminal t = new DumbTerminal("t", Terminal.TYPE_DUMB, new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)),
                screen, StandardCharsets.UTF_8)) {
            // As if no Python were installed: the page's first runtime then is jvm+gil, asserted below.
            code = shell(t, session, rt -> rt.isJvm() ? Runners.forRuntime(rt) : Optional.empty(), false).run();
        }
        String out = screen.toString(StandardCharsets.UTF_8);
        assertEquals(0, code);
        assertEquals(List.of(), warnings);
        assertTrue(out.contains("concurrence, mode ligne"), out);
        assertTrue(out.contains("Threads et tâches IO-bound : cinq attentes"), "the contents: " + out);
        assertTrue(out.contains("Page 4 : Threads et tâches IO-bound"), out);
        assertTrue(out.contains("concurrence (page 4)> "), "the prompt names the page");
        // One runtime: named above the table. Rescaled: no notebook column (its figures are for scale 1).
        assertTrue(out.contains("Runtime : jvm+gil"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("threads +\\d[\\d,]* m?s +.*")),
                "the page's run, rescaled: the notebook's figure (for its own scale) is not set beside it: " + out);
        assertTrue(out.lines().anyMatch(l -> l.matches("sequential +\\d[\\d,]* m?s +.*")), out);
        assertTrue(out.contains("Tâches io : 5 tâches, 5 workers, échelle 0,01"), out);
        assertTrue(out.contains("Tâches io : 3 tâches, 3 workers, échelle 0,01"), out);
        assertTrue(out.contains("commande inconnue « frobnicate »"), out);
        assertTrue(out.contains("Tab complète les commandes"), "the help: " + out);
        assertTrue(out.contains("Au revoir."), "left at the end of input");

        Journal.Contents journal = session.journal().read();
        List<Entry.Run> runs = journal.runs();
        assertEquals(3, runs.size());
        assertEquals(Optional.of(new PageRef(4, "threads-io")), runs.get(0).page());
        assertTrue(runs.get(0).notebook().isEmpty(), "no figure for a rescaled run");
        assertEquals(Optional.empty(), runs.get(2).page());
        assertEquals(runs.get(0).batch(), runs.get(1).batch());
        Progress p = Progress.of(journal.entries());
        assertEquals(Optional.of(new PageRef(4, "threads-io")), p.lastPage());
        assertEquals(2, p.resultsPerPage().get(4).size());
    }

    @Test
    @Timeout(60)
    @DisplayName("l'expérience d'une page, à son échelle : le chiffre du carnet à côté, et gardé avec la mesure")
    void thePagesExperimentWithTheNotebook() throws IOException {
        var ref = new concurrence.lesson.Reference(java.util.OptionalLong.of(1_000_000_000L), java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty(), java.util.OptionalInt.empty());
        var decl = new concurrence.lesson.ExperimentDecl(9, concurrence.lesson.ExperimentDecl.Kind.RUN, concurrence.engine.TaskKind.IO,
                List.of(concurrence.engine.StrategyKind.THREADS), 3, 3, List.of(RuntimeKind.PYTHON, RuntimeKind.JVM), 1, 0.01,
                ExperimentSpec.DEFAULT_SWITCH_INTERVAL, java.util.Set.of(), Map.of(concurrence.engine.StrategyKind.THREADS, ref));
        var lesson = new concurrence.lesson.Lesson(1, "essai", "fr", Path.of("01-essai.md"), "Essai", "une page d'essai", "",
                List.of(new concurrence.lesson.Block.Experiment(decl)));
        Course course = new Course("fr", List.of(lesson), List.of());
        var screen = new ByteArrayOutputStream();
        Session session = session(new ArrayList<>());
        try (Terminal t = new DumbTerminal("t", Terminal.TYPE_DUMB, new ByteArrayInputStream("page 1\nlancer\n".getBytes(StandardCharsets.UTF_8)),
                screen, StandardCharsets.UTF_8)) {
            LineReader reader = LineReaderBuilder.builder().terminal(t).build();
            new Shell(new TerminalConsole(t, reader, false), fr, course, session, new Turns(tmp.resolve("turns"), Duration.ofSeconds(5)),
                    rt -> rt.isJvm() ? Runners.forRuntime(rt) : Optional.empty()).run();   // as if no Python were installed
        }
        String out = screen.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("environnements, par ordre de préférence : python, jvm"), out);
        assertTrue(out.contains("Runtime : jvm"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("threads +1 s +.*")), "python is missing here: jvm runs, beside the notebook's 1 s: " + out);
        Entry.Run run = session.journal().read().runs().get(0);
        assertEquals(1_000_000_000L, run.notebook().orElseThrow().wallNanos().getAsLong());
        assertEquals(Optional.of(new PageRef(1, "essai")), run.page());
    }

    @Test
    @Timeout(60)
    @DisplayName("au démarrage, reprend à la dernière page vue")
    void resumesWhereItLeft() throws IOException {
        Session first = session(new ArrayList<>());
        first.visit(new PageRef(5, "threads-cpu"));
        var screen = new ByteArrayOutputStream();
        try (Terminal t = new DumbTerminal("t", Terminal.TYPE_DUMB, new ByteArrayInputStream("page\n".getBytes(StandardCharsets.UTF_8)),
                screen, StandardCharsets.UTF_8)) {
            shell(t, session(new ArrayList<>()), Runners::forRuntime, false).run();
        }
        String out = screen.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Vous en étiez à la page 5"), out);
        assertTrue(out.contains("Page 5 : "), out);
    }

    @Test
    @Timeout(60)
    @DisplayName("« oublier » demande confirmation, garde une copie, et repart de zéro")
    void resetAsksFirst() throws IOException {
        Session s = session(new ArrayList<>());
        s.visit(new PageRef(5, "threads-cpu"));
        var screen = new ByteArrayOutputStream();
        try (Terminal t = new DumbTerminal("t", Terminal.TYPE_DUMB,
                new ByteArrayInputStream("oublier\nnon\noublier\noui\n".getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            shell(t, s, Runners::forRuntime, false).run();
        }
        String out = screen.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Rien n'a été oublié."), out);
        assertTrue(out.contains("Progression oubliée ; l'ancien journal est gardé dans"), out);
        assertEquals(Progress.NONE, s.progress());
        try (var files = Files.list(tmp.resolve("state"))) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().endsWith(".jsonl.bak")).count());
        }
    }

    /** A runner that starts one task, then waits until the run is cancelled. */
    static final class UntilCancelled implements Runner {
        final CountDownLatch started = new CountDownLatch(1);

        @Override public RunResult run(ExperimentSpec spec, Consumer<Event> listener, Cancellation cancel) throws InterruptedException {
            Recorder r = new Recorder(SystemClock.INSTANCE, spec, 2, listener);
            r.start();
            r.workerStarted(0, "worker-0", 0);
            r.workerStarted(1, "worker-1", 0);
            r.taskStarted(0, 0);
            CountDownLatch stop = new CountDownLatch(1);
            cancel.onCancel(stop::countDown);
            started.countDown();
            stop.await();
            RunResult result = new RunResult(spec, r.now(), CpuTimes.ZERO, r.timeline(r.now()), List.of(), Memory.UNKNOWN,
                    spec.taskNanos(), spec.taskNanos(), 2, r.workerNames(), true, -1);
            listener.accept(new Event.RunFinished(result));
            return result;
        }
    }

    @Test
    @Timeout(60)
    @DisplayName("sur un terminal : une ligne par worker redessinée en place, et Ctrl-C annule l'expérience")
    void liveLinesAndCtrlC() throws Exception {
        var keys = new PipedOutputStream();
        var in = new PipedInputStream(keys);
        var screen = new ByteArrayOutputStream();
        UntilCancelled runner = new UntilCancelled();
        Session session = session(new ArrayList<>());
        try (Terminal t = new ExternalTerminal("t", "xterm-256color", in, screen, StandardCharsets.UTF_8)) {
            t.setSize(new Size(80, 24));
            Shell shell = shell(t, session, rt -> Optional.of(runner), false);
            CompletableFuture<Integer> done = CompletableFuture.supplyAsync(shell::run);
            keys.write("run threads cpu --tasks 2 --workers 2\n".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            assertTrue(runner.started.await(30, TimeUnit.SECONDS), "the experiment started");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!screen.toString(StandardCharsets.UTF_8).contains("tâche 0")) {   // a frame drawn mid-run
                assertTrue(System.nanoTime() < deadline, "no live line drawn: " + screen.toString(StandardCharsets.UTF_8));
                Thread.sleep(20);
            }
            t.raise(Terminal.Signal.INT);   // what the terminal does on Ctrl-C
            keys.write("quitter\n".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            assertEquals(0, done.get(30, TimeUnit.SECONDS));
        }
        String out = screen.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("threads · cpu · jvm"), out);
        assertTrue(out.contains("worker-0"), out);
        assertTrue(out.contains("tâche 0"), out);
        assertTrue(out.contains("Annulé."), out);
        assertTrue(out.contains("annulé"), "the table says the run was cancelled: " + out);
        assertEquals(List.of(), session.journal().read().runs(), "a cancelled run is not kept");
    }

    @Test
    @Timeout(60)
    @DisplayName("--plain sur un terminal : rien n'est redessiné, des lignes simples")
    void plainPrintsLines() throws Exception {
        var screen = new ByteArrayOutputStream();
        try (Terminal t = new ExternalTerminal("t", "xterm-256color",
                new ByteArrayInputStream("run threads io --scale 0.01\n".getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            t.setSize(new Size(80, 24));
            shell(t, session(new ArrayList<>()), Runners::forRuntime, true).run();
        }
        String out = screen.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("… threads, tâches io, sur jvm"), out);
        assertFalse(out.contains("threads · io · jvm"), "no live lines: " + out);
        assertTrue(out.contains("efficacité"), out);
    }
}
