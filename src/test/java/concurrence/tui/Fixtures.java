package concurrence.tui;

import concurrence.engine.Board;
import concurrence.engine.Clock;
import concurrence.engine.CpuTimes;
import concurrence.engine.Event;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.Handoff;
import concurrence.engine.Machine;
import concurrence.engine.Measurement;
import concurrence.engine.Memory;
import concurrence.engine.ProgressCells;
import concurrence.engine.RunResult;
import concurrence.engine.RuntimeKind;
import concurrence.engine.Span;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import concurrence.lesson.Block;
import concurrence.lesson.Course;
import concurrence.lesson.ExperimentDecl;
import concurrence.lesson.Inline;
import concurrence.lesson.Lesson;
import concurrence.lesson.Reference;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small course built in code, a fixed machine, and scripted runs: the screens' demo states,
 * shared by the update, widget and snapshot tests.
 */
final class Fixtures {
    private Fixtures() {}

    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;
    static final Machine MACHINE = new Machine("salle-1", 2, "AMD EPYC", 4L << 30, "Linux", "Temurin 21");
    static final Set<RuntimeKind> JVM_ONLY = EnumSet.of(RuntimeKind.JVM, RuntimeKind.JVM_GIL);
    static final Glyphs EIGHTHS = Glyphs.of(Glyphs.Bars.EIGHTHS, false);

    /** A clock that moves only when told. */
    static final class FakeClock implements Clock {
        private final AtomicLong now = new AtomicLong(10 * S);

        void advance(long nanos) { now.addAndGet(nanos); }

        @Override public long nanoTime() { return now.get(); }

        @Override public CpuTimes cpu() { return CpuTimes.ZERO; }

        @Override public long residentBytes() { return 0; }
    }

    static Reference wall(long nanos) {
        return new Reference(OptionalLong.of(nanos), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalInt.empty());
    }

    static ExperimentDecl run(TaskKind task, List<StrategyKind> compare, int tasks, int workers, List<RuntimeKind> runtimes,
                              Map<StrategyKind, Reference> refs) {
        return new ExperimentDecl(1, ExperimentDecl.Kind.RUN, task, compare, tasks, workers, runtimes, 1, 1.0,
                ExperimentSpec.DEFAULT_SWITCH_INTERVAL, Set.of(ExperimentDecl.Panel.TIMELINE), refs);
    }

    static ExperimentDecl kind(ExperimentDecl.Kind kind) {
        return new ExperimentDecl(1, kind, null, List.of(), 5, 5, List.of(RuntimeKind.JVM_GIL, RuntimeKind.JVM), 1, 1.0,
                Duration.ofMillis(5), Set.of(), Map.of());
    }

    static List<Inline> text(String s) { return List.of(Inline.plain(s)); }

    static Lesson page(int number, String slug, String title, List<Block> blocks) {
        return new Lesson(number, slug, "fr", Path.of("lessons/fr/" + String.format("%02d", number) + "-" + slug + ".md"), title,
                "résumé de la page " + number, number == 4 ? "cellules 2-4" : "", blocks);
    }

    /** Page 04 of the course, as the student meets it: text, Python and Java, and its experiment. */
    static Lesson threadsIo() {
        return page(4, "threads-io", "Threads et tâches IO-bound", List.of(
                new Block.Paragraph(List.of(Inline.plain("Prenons la tâche IO-bound la plus simple qui soit : attendre une seconde. Ici, "),
                        new Inline("time.sleep(1)", Inline.Style.CODE, ""), Inline.plain(" tient ce rôle, sans dépendre du réseau."))),
                new Block.Code("python", "import time\n\ndef attendre_une_seconde(a):\n    time.sleep(1)   # à la place d'un accès au réseau\n    return a\n"),
                new Block.Code("java", "// la tâche io : dormir sans calculer\nThread.sleep(duration);\n"),
                new Block.Heading(2, text("Ce qu'il faut regarder")),
                new Block.ListBlock(false, 1, List.of(
                        List.of(new Block.Paragraph(List.of(Inline.plain("Avec les threads, les cinq barres se remplissent "),
                                new Inline("ensemble", Inline.Style.EMPHASIS, ""), Inline.plain(", en une seconde.")))),
                        List.of(new Block.Paragraph(text("En séquence, une barre après l'autre ; la chronologie dessine un escalier."))))),
                new Block.Experiment(run(TaskKind.IO, List.of(StrategyKind.THREADS, StrategyKind.SEQUENTIAL), 5, 5,
                        List.of(RuntimeKind.PYTHON, RuntimeKind.JVM_GIL, RuntimeKind.JVM),
                        Map.of(StrategyKind.THREADS, wall(S), StrategyKind.SEQUENTIAL, wall(5 * S))))));
    }

    static Course course() {
        List<Lesson> pages = new ArrayList<>();
        pages.add(page(0, "bienvenue", "Bienvenue", List.of(
                new Block.Paragraph(text("Bienvenue dans cet atelier de programmation concurrente en Python.")),
                new Block.Experiment(kind(ExperimentDecl.Kind.MACHINE)))));
        pages.add(page(1, "programmation-concurrente", "La programmation concurrente", List.of(
                new Block.Paragraph(text("Faire plusieurs choses à la fois.")))));
        pages.add(threadsIo());
        pages.add(page(5, "threads-cpu", "Threads et tâches CPU-bound", List.of(
                new Block.Paragraph(text("Calculer, cette fois.")),
                new Block.Experiment(run(TaskKind.CPU, List.of(StrategyKind.THREADS, StrategyKind.SEQUENTIAL), 5, 5,
                        List.of(RuntimeKind.PYTHON, RuntimeKind.JVM_GIL, RuntimeKind.JVM), Map.of(StrategyKind.THREADS, wall(6010 * MS)))))));
        pages.add(page(6, "gil", "Le GIL", List.of(
                new Block.Paragraph(text("Un verrou global.")),
                new Block.Experiment(run(TaskKind.CPU, List.of(StrategyKind.THREADS), 5, 5, List.of(RuntimeKind.PYTHON, RuntimeKind.JVM_GIL), Map.of())),
                new Block.Experiment(run(TaskKind.IO, List.of(StrategyKind.THREADS), 5, 5, List.of(RuntimeKind.JVM_GIL, RuntimeKind.PYTHON), Map.of())))));
        pages.add(page(7, "multiprocessing", "Le module multiprocessing", List.of(
                new Block.Experiment(run(TaskKind.IO, List.of(StrategyKind.PROCESSES), 5, 5, List.of(RuntimeKind.JVM), Map.of())))));
        pages.add(page(14, "java", "Et Java ?", List.of(
                new Block.Experiment(run(TaskKind.IO, List.of(StrategyKind.VIRTUAL_THREADS), 10_000, 10_000, List.of(RuntimeKind.JVM), Map.of())))));
        pages.add(page(15, "synthese", "Synthèse", List.of(new Block.Experiment(kind(ExperimentDecl.Kind.SUMMARY)))));
        return new Course("fr", pages, List.of());
    }

    static Model model(int columns, int rows) {
        return Model.start(course(), 0, Optional.empty(), 1, JVM_ONLY, Set.of(), EIGHTHS, MACHINE, columns, rows).withLoad(0.12);
    }

    /** The model on page number {@code number}. */
    static Model at(Model m, int number) { return m.withPage(Model.indexOf(m.course(), number)); }

    /** A finished run of {@code spec}: each worker ran its share of tasks one after the other, each {@code taskNanos} long. */
    static Measurement measured(ExperimentSpec spec, long taskNanos, String namePrefix) {
        int workers = spec.effectiveWorkers();
        List<Span> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int w = 0; w < workers; w++) names.add(workers == 1 ? "main" : namePrefix + (w + 1));
        long[] free = new long[workers];
        for (int t = 0; t < spec.tasks(); t++) {
            int w = t % workers;
            spans.add(new Span(w, t, free[w], free[w] + taskNanos));
            free[w] += taskNanos;
        }
        long wall = java.util.Arrays.stream(free).max().orElse(0) + 2 * MS;
        List<Handoff> handoffs = new ArrayList<>();
        if (spec.runtime().hasGil() && spec.task() == TaskKind.CPU)
            for (long t = 0, i = 0; t < wall; t += 100 * MS, i++) handoffs.add(new Handoff((int) ((i + workers - 1) % workers), (int) (i % workers), t));
        long ideal = concurrence.engine.Ideal.nanos(spec, 2, taskNanos);
        RunResult r = new RunResult(spec, wall, new CpuTimes(12 * MS, 3 * MS, 0, 0), spans, handoffs, Memory.UNKNOWN, ideal,
                taskNanos, 2, names, false, 0.1);
        return new Measurement(spec, List.of(r));
    }

    /**
     * A board halfway through a threads io run of 5 tasks on 5 workers, on a fake clock: three
     * tasks running, two done, worker 4 waiting for its thread to start.
     */
    static Board runningBoard(ExperimentSpec spec) {
        FakeClock clock = new FakeClock();
        Board b = new Board(clock);
        int workers = spec.effectiveWorkers();
        long gate = clock.nanoTime();
        b.accept(new Event.RunStarted(spec, workers, gate, new ProgressCells(spec.tasks())));
        for (int w = 0; w < workers - 1; w++) b.accept(new Event.WorkerStarted(w, "pool-1-thread-" + (w + 1), 42, 0));
        for (int w = 0; w < workers - 1; w++) b.accept(new Event.TaskStarted(w, w, Math.min(w, 4) * 50 * MS));
        b.accept(new Event.TaskFinished(0, 0, 400 * MS));
        if (spec.runtime().hasGil()) {
            b.accept(new Event.LockHandedOver(-1, 0, 0));
            b.accept(new Event.LockHandedOver(0, 1, 100 * MS));
            b.accept(new Event.LockHandedOver(1, 2, 200 * MS));
        }
        clock.advance(500 * MS);
        return b;
    }
}
