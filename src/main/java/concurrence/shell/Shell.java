package concurrence.shell;

import concurrence.engine.Board;
import concurrence.engine.Cancellation;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.Machine;
import concurrence.engine.Measurement;
import concurrence.engine.Runner;
import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.engine.SystemClock;
import concurrence.i18n.Messages;
import concurrence.journal.Entry;
import concurrence.journal.Export;
import concurrence.journal.ExportFormat;
import concurrence.journal.Load;
import concurrence.journal.LoadProbe;
import concurrence.journal.NotebookFigures;
import concurrence.journal.PageRef;
import concurrence.journal.Progress;
import concurrence.journal.Session;
import concurrence.lesson.Course;
import concurrence.lesson.ExperimentDecl;
import concurrence.lesson.Lesson;
import concurrence.lesson.Reference;
import concurrence.report.Durations;
import concurrence.report.ResultTable;
import concurrence.report.TextReport;
import concurrence.turn.Turn;
import concurrence.turn.TurnListener;
import concurrence.turn.TurnMessages;
import concurrence.turn.Turns;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The line mode: reads commands one line at a time and answers in plain lines. Everything the
 * app teaches: the pages as text, their experiments (each worker's line redrawn in place while it
 * runs, then the table), any experiment, {@code %timeit}, runtimes compared, the results so far,
 * the export.
 *
 * <pre>{@code
 * int code = new Shell(console, messages, course, session, Turns.shared(env), Runners::forRuntime).run();
 * }</pre>
 *
 * <p><b>Threads.</b> The shell's own thread reads commands and, while an experiment runs, samples
 * its {@link Board} ten times a second to redraw the lines; the experiment runs on a thread of its
 * own (waiting for the machine's turn first if it computes). Ctrl-C cancels it through its
 * {@link Cancellation}. The current page is only touched by the shell's thread.
 */
public final class Shell {
    private static final Duration FRAME = Duration.ofMillis(100);

    private final Console console;
    private final Messages m;
    private final Course course;
    private final Session session;
    private final Turns turns;
    private final Function<RuntimeKind, Optional<Runner>> runners;
    private final NotebookFigures figures;
    private Optional<Lesson> current = Optional.empty();
    private int failures;

    Shell(Console console, Messages m, Course course, Session session, Turns turns, Function<RuntimeKind, Optional<Runner>> runners) {
        this.console = console;
        this.m = m;
        this.course = course;
        this.session = session;
        this.turns = turns;
        this.runners = runners;
        this.figures = NotebookFigures.of(course);
    }

    /**
     * Reads and runs commands until {@code quitter}, Ctrl-D or the end of the input.
     *
     * @return 0; reading a script, 1 if any command failed
     */
    public int run() {
        Progress progress = session.progress();
        progress.lastPage().flatMap(p -> lesson(p.number())).ifPresent(l -> current = Optional.of(l));
        if (console.interactive()) banner(progress);
        while (true) {
            Optional<String> line = console.readLine(prompt());
            if (line.isEmpty()) break;
            Command c = CommandParser.parse(line.get(), m);
            if (c instanceof Command.Quit) break;
            execute(c);
        }
        if (console.interactive()) console.println(m.get("shell.bye"));
        return console.interactive() || failures == 0 ? 0 : 1;
    }

    private String prompt() {
        return current.map(l -> m.get("shell.prompt.page", l.number())).orElse(m.get("shell.prompt"));
    }

    private void banner(Progress progress) {
        console.println(m.get("shell.banner", course.lessons().size()));
        if (current.isPresent())
            console.println(m.get("shell.resume", current.get().number(), current.get().title(), progress.pagesSeen().size(),
                    progress.resultCount()));
        else console.println(m.get("shell.start.hint"));
    }

    void execute(Command c) {
        switch (c) {
            case Command.Empty e -> { }
            case Command.Pages p -> pages();
            case Command.Show s -> show(s.page().isPresent() ? lesson(s.page().getAsInt()) : current, s.page().isPresent() ? s.page().getAsInt() : -1);
            case Command.Next n -> step(+1);
            case Command.Previous p -> step(-1);
            case Command.RunPage r -> runPage(r);
            case Command.RunAny r -> batch(r.specs(), Optional.empty(), s -> Optional.empty());
            case Command.Timeit t -> batch(List.of(t.spec()), Optional.empty(), s -> Optional.empty());
            case Command.Compare cmp -> compare(cmp);
            case Command.Results r -> results(r.all());
            case Command.Export x -> export(x.format(), x.file());
            case Command.Machine mc -> machine();
            case Command.Reset r -> reset();
            case Command.Help h -> help(h.topic());
            case Command.Quit q -> { }
            case Command.Invalid i -> fail(i.message() + " " + m.get("shell.see.help"));
        }
    }

    private void fail(String message) {
        failures++;
        console.warn(message);
    }

    private Optional<Lesson> lesson(int number) {
        return course.lessons().stream().filter(l -> l.number() == number).findFirst();
    }

    // ---- pages

    private void pages() {
        if (course.lessons().isEmpty()) {
            fail(m.get("shell.no.pages"));
            return;
        }
        Progress progress = session.progress();
        List<List<String>> grid = new ArrayList<>();
        for (Lesson l : course.lessons()) {
            String mark = current.filter(c -> c.number() == l.number()).isPresent() ? ">" : progress.seen(l.number()) ? "*" : " ";
            grid.add(List.of(mark, String.format("%2d", l.number()), l.title() + " : " + l.summary()));
        }
        for (String line : TextReport.align(grid).split("\n")) console.println(line);
        console.println(m.get("shell.pages.legend"));
    }

    private void show(Optional<Lesson> lesson, int asked) {
        if (lesson.isEmpty()) {
            if (asked < 0) fail(m.get("shell.no.current.page"));
            else fail(m.get("shell.no.such.page", asked, range()));
            return;
        }
        current = lesson;
        for (String line : PageText.lines(lesson.get(), console.width() - 1, m)) console.println(line);
        session.visit(ref(lesson.get()));
    }

    private String range() {
        if (course.lessons().isEmpty()) return "—";
        return course.lessons().get(0).number() + "–" + course.lessons().get(course.lessons().size() - 1).number();
    }

    private void step(int direction) {
        List<Lesson> all = course.lessons();
        if (all.isEmpty()) {
            fail(m.get("shell.no.pages"));
            return;
        }
        int at = current.map(all::indexOf).orElse(-1);
        int next = at < 0 ? 0 : at + direction;
        if (next < 0 || next >= all.size()) {
            fail(m.get(direction > 0 ? "shell.last.page" : "shell.first.page"));
            return;
        }
        show(Optional.of(all.get(next)), all.get(next).number());
    }

    private static PageRef ref(Lesson l) { return new PageRef(l.number(), l.slug()); }

    // ---- experiments

    private void runPage(Command.RunPage r) {
        if (current.isEmpty()) {
            fail(m.get("shell.run.no.page"));
            return;
        }
        Lesson page = current.get();
        List<ExperimentDecl> blocks = page.experiments();
        if (blocks.isEmpty()) {
            fail(m.get("shell.run.no.experiment", page.number()));
            return;
        }
        if (r.block() > blocks.size()) {
            fail(m.get("shell.run.no.block", page.number(), blocks.size(), r.block()));
            return;
        }
        ExperimentDecl d = blocks.get(r.block() - 1);
        switch (d.kind()) {
            case MACHINE, RUNTIMES -> machine();
            case SUMMARY -> results(true);
            case RUN -> {
                Optional<RuntimeKind> runtime = r.runtime().isPresent() ? r.runtime()
                        : d.runtimes().stream().filter(rt -> runners.apply(rt).isPresent()).findFirst();
                if (runtime.isEmpty() || runners.apply(runtime.get()).isEmpty()) {
                    fail(m.get("shell.runtime.unavailable", r.runtime().map(RuntimeKind::id)
                            .orElse(String.join(", ", d.runtimes().stream().map(RuntimeKind::id).toList()))));
                    return;
                }
                List<ExperimentSpec> specs = d.specs(runtime.get());
                // The notebook's figures are for the page's own scale: beside a shorter run they would mislead.
                boolean rescaled = r.scale().isPresent() && r.scale().getAsDouble() != d.scale();
                if (rescaled) specs = specs.stream().map(s -> s.withScale(r.scale().getAsDouble())).toList();
                batch(specs, Optional.of(ref(page)), rescaled ? s -> Optional.empty() : d::reference);
            }
        }
    }

    private void compare(Command.Compare c) {
        List<RuntimeKind> runtimes = c.runtimes().isEmpty()
                ? java.util.Arrays.stream(RuntimeKind.values()).filter(r -> runners.apply(r).isPresent()).toList() : c.runtimes();
        batch(runtimes.stream().map(c.spec()::withRuntime).toList(), Optional.empty(), s -> Optional.empty());
    }

    /**
     * Runs the specs one after the other, as one batch: waits for the machine's turn if they
     * compute, shows their progress, keeps each finished one in the journal, then prints the table.
     */
    private void batch(List<ExperimentSpec> specs, Optional<PageRef> page, Function<StrategyKind, Optional<Reference>> notebook) {
        Cancellation cancel = new Cancellation();
        Board board = new Board(SystemClock.INSTANCE);
        AtomicReference<String> status = new AtomicReference<>("");
        List<Measurement> done = Collections.synchronizedList(new ArrayList<>());
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        String batch = Entry.newBatch();
        boolean redraw = console.canRedraw();
        TurnListener listener = redraw ? statusListener(status) : TurnMessages.printing(console::println, m, turns.maxWait());
        Thread worker = Thread.ofPlatform().name("shell-experiment").start(() -> {
            try (Turn turn = turns.acquire(specs.get(0).task(), listener, cancel)) {
                status.set("");
                if (turn.outcome() == Turn.Outcome.CANCELLED) return;
                for (ExperimentSpec spec : specs) {
                    if (cancel.isCancelled()) break;
                    Optional<Runner> runner = runners.apply(spec.runtime());
                    if (runner.isEmpty()) {
                        problems.add(m.get("shell.runtime.unavailable", spec.runtime().id()));
                        continue;
                    }
                    if (!redraw) console.println(m.get("run.running", spec.strategy().id(), spec.task().id(), spec.runtime().id()));
                    LoadProbe probe = LoadProbe.start();
                    Measurement measured = runner.get().measure(spec, board, cancel);
                    Load load = probe.stop();
                    measured = load.onto(measured);
                    done.add(measured);
                    session.record(batch, page, measured, load, notebook.apply(spec.strategy()));
                }
            } catch (InterruptedException e) {
                cancel.cancel();
            } catch (RuntimeException e) {
                problems.add(m.get("run.failed", e.getMessage() != null ? e.getMessage() : e.toString()));
            }
        });
        Console.Trap trap = console.onInterrupt(cancel::cancel);
        try {
            if (redraw) {
                Console.Live live = console.live();
                while (worker.isAlive()) {
                    live.update(frame(board, status.get()));
                    worker.join(FRAME.toMillis());
                }
                live.update(frame(board, status.get()));
                live.finish();
            } else {
                worker.join();
            }
        } catch (InterruptedException e) {
            cancel.cancel();
            Thread.currentThread().interrupt();
        } finally {
            trap.close();
        }
        problems.forEach(this::fail);
        if (!done.isEmpty()) {
            ResultTable table = ResultTable.of(session.machine().machine(), List.copyOf(done), meas -> notebook.apply(meas.spec().strategy()));
            for (String line : new TextReport().render(table, m).split("\n", -1)) console.println(line);
        }
        if (cancel.isCancelled()) console.println(m.get("shell.cancelled"));
    }

    private List<String> frame(Board board, String status) {
        if (!status.isEmpty()) return List.of(cut(status, console.width() - 1));
        int rows = Math.max(2, Math.min(console.height() - 2, 24));
        return LiveLines.render(board.sample(rows), rows, console.width(), console.unicode(), m);
    }

    private static String cut(String s, int width) { return s.length() <= width ? s : s.substring(0, Math.max(0, width)); }

    private TurnListener statusListener(AtomicReference<String> status) {
        return new TurnListener() {
            @Override public void waiting(int ahead, Duration waited) { status.set(TurnMessages.waiting(m, ahead, waited, turns.maxWait())); }

            @Override public void gaveUp(Duration waited) { console.println(TurnMessages.gaveUp(m, waited)); }

            @Override public void unavailable(Problem problem) { console.warn(TurnMessages.unavailable(m, problem)); }
        };
    }

    // ---- results, export, machine, reset, help

    private void results(boolean all) {
        List<Entry.Run> runs;
        if (all) {
            runs = session.read().runs();
            if (!session.journal().available()) runs = session.runs();
        } else {
            runs = session.runs();
        }
        if (runs.isEmpty()) {
            console.println(m.get(all ? "shell.results.none.all" : "shell.results.none"));
            return;
        }
        for (String line : Export.render(runs, ExportFormat.TABLE, m, figures).split("\n")) console.println(line);
    }

    private void export(ExportFormat format, Optional<String> file) {
        if (!session.journal().available()) {
            fail(session.journal().problem().orElse(""));
            return;
        }
        try {
            if (file.isPresent() && file.get().equals("-")) {
                for (String line : Export.render(session.read().runs(), format, m, figures).split("\n")) console.println(line);
                return;
            }
            Export.Written w = file.isPresent()
                    ? Export.toFile(session.journal(), Path.of(file.get()), format, m, figures)
                    : Export.toFolder(session.journal(), Path.of("").toAbsolutePath(), format, m, figures);
            w.warnings().forEach(console::warn);
            console.println(m.get("export.written", w.runs(), w.file()));
        } catch (IOException | RuntimeException e) {
            fail(m.get("export.write.failed", file.orElse("."), e.getMessage() != null ? e.getMessage() : e.toString()));
        }
    }

    private void machine() {
        Machine mc = session.machine().machine();
        double load = Machine.loadAverage();
        console.println(m.get("check.host", mc.host()));
        console.println(m.get("check.cores", mc.cores(), mc.cpuModel()));
        console.println(m.get("check.load", Durations.ratio(load, m.locale()),
                Machine.busy(load, mc.cores()) ? m.get("check.load.busy") : m.get("check.load.quiet")));
        console.println(m.get("check.jvm", mc.jvm()));
        console.println(m.get("check.runtimes"));
        for (RuntimeKind r : RuntimeKind.values())
            console.println("  " + m.get("check.runtime." + (runners.apply(r).isPresent() ? "yes" : "no"), r.id(),
                    m.get("runtime.describe." + r.id())));
        int queue = turns.queueLength();
        if (queue > 0) console.println(m.get("shell.machine.queue", queue));
    }

    private void reset() {
        if (!session.journal().available()) {
            fail(session.journal().problem().orElse(""));
            return;
        }
        if (!confirm(m.get("shell.reset.confirm", session.read().runs().size(), session.journal().file()))) {
            console.println(m.get("shell.reset.kept"));
            return;
        }
        try {
            Optional<Path> backup = session.journal().reset();
            console.println(backup.map(b -> m.get("shell.reset.done", b)).orElse(m.get("shell.reset.nothing")));
            current = Optional.empty();
        } catch (IOException e) {
            fail(m.get("shell.reset.failed", session.journal().file(), e.getMessage()));
        }
    }

    /** Asks a yes/no question on the console; only "o", "oui", "y", "yes" say yes. */
    boolean confirm(String question) {
        if (!console.interactive()) console.println(question);   // a script's answer is its next line: say what it answers
        Optional<String> answer = console.readLine(question + " ");
        if (answer.isEmpty()) return false;
        String a = CommandParser.fold(answer.get());
        return a.equals("o") || a.equals("oui") || a.equals("y") || a.equals("yes");
    }

    private void help(Optional<String> topic) {
        if (topic.isPresent()) {
            Optional<String> name = CommandParser.canonical(topic.get());
            if (name.isEmpty()) {
                fail(m.get("shell.unknown.command", topic.get()));
                return;
            }
            String key = "shell.help." + CommandParser.fold(name.get());
            for (String line : m.get(key).split("\n")) console.println(line);
            List<String> aliases = CommandParser.NAMES.get(name.get());
            if (!aliases.isEmpty()) console.println(m.get("shell.help.aliases", String.join(", ", aliases)));
            return;
        }
        for (String line : m.get("shell.help").split("\n")) console.println(line);
    }
}
