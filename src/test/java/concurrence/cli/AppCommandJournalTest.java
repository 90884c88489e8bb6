package concurrence.cli;

import concurrence.engine.CpuTimes;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.Measurement;
import concurrence.engine.Memory;
import concurrence.engine.RunResult;
import concurrence.engine.RuntimeKind;
import concurrence.engine.Span;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import concurrence.i18n.Messages;
import concurrence.journal.Entry;
import concurrence.journal.Load;
import concurrence.journal.MachineFacts;
import concurrence.journal.PageRef;
import concurrence.journal.Session;
import concurrence.lesson.Course;
import concurrence.lesson.CourseLoader;
import concurrence.tui.Exporter;
import concurrence.tui.TuiConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("L'application plein écran et le journal : où reprendre, ce qui a déjà été mesuré")
@Timeout(60)
class AppCommandJournalTest {
    static final Messages FR = Messages.of(Messages.FRENCH);
    static Course course;

    @TempDir Path state;
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void load() { course = CourseLoader.load(CourseLoader.defaultRoot(), "fr"); }

    Map<String, String> env() { return Map.of("XDG_STATE_HOME", state.toString(), "TERM", "xterm-256color"); }

    AppCommand command() {
        return new AppCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), FR, env());
    }

    Session session() { return Session.open(env(), FR, "app", MachineFacts.detect(), w -> err.writeBytes((w + "\n").getBytes(StandardCharsets.UTF_8))); }

    /** What the app would start with, after these options, from the journal in {@code state}. */
    TuiConfig configure(String... args) throws Exception {
        AppCommand c = command();
        return c.configure(c.request(Parsing.parse(c.options(), args, FR)), course, session());
    }

    static PageRef page(int number) {
        return course.lessons().stream().filter(l -> l.number() == number).findFirst().map(l -> new PageRef(l.number(), l.slug())).orElseThrow();
    }

    static Measurement measured(StrategyKind strategy) {
        ExperimentSpec spec = new ExperimentSpec(strategy, TaskKind.IO, 5, 5, RuntimeKind.JVM, 0.1, ExperimentSpec.DEFAULT_SWITCH_INTERVAL, 1);
        List<Span> spans = new ArrayList<>();
        for (int t = 0; t < 5; t++) spans.add(new Span(t, t, 0, 100_000_000L));
        RunResult r = new RunResult(spec, 110_000_000L, new CpuTimes(5_000_000, 1_000_000, 0, 0), spans, List.of(), Memory.UNKNOWN,
                100_000_000L, 100_000_000L, 2, List.of("t1", "t2", "t3", "t4", "t5"), false, 0.1);
        return new Measurement(spec, List.of(r));
    }

    @Test
    @DisplayName("sans journal, le cours s'ouvre à la première page, rien n'est fait")
    void freshStart() throws Exception {
        TuiConfig c = configure();
        assertEquals(course.lessons().get(0).number(), c.startPage());
        assertTrue(c.donePages().isEmpty());
        assertTrue(c.earlier().isEmpty());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("la dernière page vue revient au démarrage suivant ; --lesson l'emporte")
    void lastPageRestored() throws Exception {
        Session before = session();
        before.visit(page(2));
        before.visit(page(4));
        assertEquals(4, configure().startPage());
        assertEquals(7, configure("--lesson", "7").startPage());
        assertEquals(0, configure("--lesson", "0").startPage());
    }

    @Test
    @DisplayName("une page du journal qui n'existe plus dans le cours : la première page")
    void vanishedPage() throws Exception {
        session().visit(new PageRef(42, "page-disparue"));
        assertEquals(course.lessons().get(0).number(), configure().startPage());
    }

    @Test
    @DisplayName("une page renumérotée est retrouvée par son nom")
    void renumberedPage() throws Exception {
        session().visit(new PageRef(40, page(5).slug()));
        assertEquals(5, configure().startPage());
    }

    @Test
    @DisplayName("les résultats des sessions précédentes : page faite, et la dernière mesure de chaque expérience pour la synthèse")
    void earlierResults() throws Exception {
        Session before = session();
        before.visit(page(2));
        before.visit(page(3));
        before.record("b1", Optional.of(page(4)), measured(StrategyKind.THREADS), Load.UNKNOWN, Optional.empty());
        before.record("b1", Optional.of(page(4)), measured(StrategyKind.SEQUENTIAL), Load.UNKNOWN, Optional.empty());
        before.record("b2", Optional.of(page(4)), measured(StrategyKind.THREADS), Load.UNKNOWN, Optional.empty());
        TuiConfig c = configure();
        assertTrue(c.donePages().contains(4), c.donePages().toString());
        assertTrue(c.donePages().contains(2), "page 2 has nothing to run: read, it is done");
        assertFalse(c.donePages().contains(3), "page 3 has an experiment, never measured: " + c.donePages());
        assertEquals(2, c.earlier().size(), "threads measured twice counts once: " + c.earlier());
        assertTrue(c.earlier().stream().allMatch(e -> e.page() == 4));
        assertEquals(List.of(StrategyKind.SEQUENTIAL, StrategyKind.THREADS),
                c.earlier().stream().map(e -> e.measurement().spec().strategy()).toList(), "the latest of each, in the journal's order");
    }

    @Test
    @DisplayName("la touche e : le journal exporté dans un fichier ; sans journal, une erreur qui dit pourquoi")
    void export(@TempDir Path cwd) throws Exception {
        Session before = session();
        before.record("b1", Optional.of(page(4)), measured(StrategyKind.THREADS), Load.UNKNOWN, Optional.empty());
        Exporter.Exported done = configure().exporter().orElseThrow().export();
        Path file = Path.of("").toAbsolutePath().resolve(done.file());
        try {
            assertEquals(1, done.runs());
            assertTrue(done.file().startsWith("concurrence-export-") && done.file().endsWith(".md"), done.file());
            assertTrue(Files.readString(file).contains("threads"));
        } finally {
            Files.deleteIfExists(file);
        }
        AppCommand noHome = new AppCommand(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), FR, Map.of());
        Session off = Session.open(Map.of(), FR, "app", MachineFacts.detect(), w -> { });
        var failed = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () ->
                noHome.configure(noHome.request(Parsing.parse(noHome.options(), new String[0], FR)), course, off).exporter().orElseThrow().export());
        assertFalse(failed.getMessage().isBlank());
    }

    @Test
    @DisplayName("les avertissements pendant l'écran plein sont gardés, puis dits après")
    void warningsHeld() {
        var out = new ByteArrayOutputStream();
        var w = new AppCommand.Warnings(new PrintStream(out, true, StandardCharsets.UTF_8));
        w.accept("avant");
        w.hold();
        w.accept("pendant");
        assertEquals("avant\n", out.toString(StandardCharsets.UTF_8));
        w.release();
        assertEquals("avant\npendant\n", out.toString(StandardCharsets.UTF_8));
    }
}
