package concurrence.tui;

import concurrence.engine.ExperimentSpec;
import concurrence.engine.Machine;
import concurrence.engine.Measurement;
import concurrence.engine.RuntimeKind;
import concurrence.engine.TaskKind;
import concurrence.journal.PageRef;
import concurrence.lesson.Course;
import concurrence.lesson.ExperimentDecl;
import concurrence.lesson.Lesson;
import concurrence.lesson.Reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The app's logic, as one pure function: a model and a message in, the next model and maybe a
 * command out. No I/O, no clock, no terminal: the tests fold lists of messages through it.
 *
 * <pre>{@code
 * Step s = Update.update(model, Msg.Key.of(' '));     // Space: next page
 * s.model().page();                                    // 1
 * s.command();                                         // Optional[Visit[page=01-programmation-concurrente]]
 * }</pre>
 */
public final class Update {
    /** Exit code after Ctrl-C, as a shell reports an interrupted program. */
    public static final int INTERRUPTED = 130;
    /** Exit code when the terminal went away (SSH dropped). */
    public static final int HANGUP = 129;

    private Update() {}

    public static Step update(Model m, Msg msg) {
        return switch (msg) {
            case Msg.Key k -> key(m, k);
            case Msg.Tick t -> Step.of(m);
            case Msg.RuntimesFound f -> runtimesFound(m.withAvailable(f.available()).withSearching(false));
            case Msg.Resize r -> Step.of(clampScroll(m.withSize(r.columns(), r.rows())));
            case Msg.Busy b -> Step.of(m.withLoad(b.average()).withOthers(b.others()));
            case Msg.RunEvent e -> m.run() instanceof RunState.Running r && r.runId() == e.runId()
                    ? Step.of(m.withRun(r.withStep(e.step()).withWaiting(Optional.empty())))
                    : Step.of(m);
            case Msg.TurnWaiting w -> m.run() instanceof RunState.Running r && r.runId() == w.runId()
                    ? Step.of(m.withRun(r.withWaiting(Optional.of(new RunState.Waiting(w.ahead(), w.waited(), w.maxWait())))))
                    : Step.of(m);
            case Msg.TurnTaken t -> m.run() instanceof RunState.Running r && r.runId() == t.runId()
                    ? Step.of(m.withRun(r.withWaiting(Optional.empty())))
                    : Step.of(m);
            case Msg.RunCancelled c -> m.run() instanceof RunState.Running r && r.runId() == c.runId()
                    ? Step.of(m.withRun(RunState.IDLE).withNotice(Optional.of(Notice.info("tui.notice.cancelled.before"))))
                    : Step.of(m);
            case Msg.Told t -> Step.of(m.withNotice(Optional.of(t.notice())));
            case Msg.RunDone d -> runDone(m, d);
            case Msg.RunFailed f -> m.run() instanceof RunState.Running r && r.runId() == f.runId()
                    ? Step.of(m.withRun(RunState.IDLE).withNotice(Optional.of(Notice.error("tui.notice.failed", f.reason()))))
                    : Step.of(m);
            case Msg.CourseLoaded c -> courseLoaded(m, c.course());
            case Msg.SaveFailed f -> Step.of(m.withNotice(Optional.of(Notice.error("tui.notice.save.failed", f.reason()))));
            case Msg.Exported e -> Step.of(m.withNotice(Optional.of(Notice.info("tui.notice.exported", e.file(), e.runs()))));
            case Msg.ExportFailed f -> Step.of(m.withNotice(Optional.of(Notice.error("tui.notice.export.failed", f.reason()))));
            case Msg.CourseFailed f -> Step.of(m.withNotice(Optional.of(Notice.error("tui.notice.course.failed", f.language(), f.reason()))));
        };
    }

    private static Step key(Model m, Msg.Key k) {
        if (k.kind() == Msg.Key.Kind.EOF) return Step.of(m, new Command.Quit(HANGUP));
        if (k.kind() == Msg.Key.Kind.CHAR && k.ctrl() && (k.ch() == 'c' || k.ch() == 'C'))
            return Step.of(m, new Command.Quit(INTERRUPTED));
        if (k.kind() == Msg.Key.Kind.CHAR && k.ctrl() && (k.ch() == 'z' || k.ch() == 'Z'))
            return Step.of(m.withNotice(Optional.of(Notice.info("tui.notice.suspend"))));
        return switch (m.overlay()) {
            case Overlay.None n -> page(m, k);
            case Overlay.Help h -> k.is('q') ? quit(m) : Step.of(m.withOverlay(Overlay.NONE));
            case Overlay.Contents c -> contents(m, c, k);
            case Overlay.ConfirmQuit q -> yes(k) || k.is('q')
                    ? Step.of(m.withOverlay(Overlay.NONE), new Command.Quit(0))
                    : Step.of(m.withOverlay(Overlay.NONE));
            case Overlay.ConfirmBusy b -> yes(k) || k.is('r')
                    ? start(m.withOverlay(Overlay.NONE), m.blockKey())
                    : Step.of(m.withOverlay(Overlay.NONE));
        };
    }

    private static boolean yes(Msg.Key k) {
        return k.kind() == Msg.Key.Kind.ENTER || k.is('o') || k.is('O') || k.is('y') || k.is('Y');
    }

    /** Keys on the page itself, with no overlay. */
    private static Step page(Model m, Msg.Key k) {
        switch (k.kind()) {
            case RIGHT, PAGE_DOWN: return go(m, m.page() + 1);
            case LEFT, PAGE_UP: return go(m, m.page() - 1);
            case DOWN: return Step.of(scroll(m, 1));
            case UP: return Step.of(scroll(m, -1));
            case HOME: return Step.of(m.withScroll(0));
            case END: return Step.of(clampScroll(m.withScroll(Integer.MAX_VALUE / 2)));
            case ENTER: return run(m);
            case ESCAPE: return escape(m);
            case TAB: return Step.of(m.withOverlay(new Overlay.Contents(m.page())));
            case F1: return Step.of(m.withOverlay(new Overlay.Help()));
            case CHAR: break;
            default: return Step.of(m);
        }
        if (k.ctrl() || k.alt()) return Step.of(m);
        return switch (k.ch()) {
            case ' ', 'n' -> go(m, m.page() + 1);
            case 'p' -> go(m, m.page() - 1);
            case 'j' -> Step.of(scroll(m, 1));
            case 'k' -> Step.of(scroll(m, -1));
            case 'r' -> run(m);
            case 's' -> Step.of(m.withOverlay(new Overlay.Contents(m.page())));
            case '?' -> Step.of(m.withOverlay(new Overlay.Help()));
            case 'q' -> quit(m);
            case 'b' -> Step.of(cycleRuntime(m));
            case '+' -> Step.of(tune(m, +1, 0));
            case '-' -> Step.of(tune(m, -1, 0));
            case '>' -> Step.of(tune(m, 0, +1));
            case '<' -> Step.of(tune(m, 0, -1));
            case '0' -> Step.of(restore(m));
            case '1', '2', '3', '4', '5', '6', '7', '8', '9' -> Step.of(select(m, k.ch() - '1'));
            case 'c' -> Step.of(clampScroll(m.withCode(m.code() == Model.CodeLanguage.PYTHON
                    ? Model.CodeLanguage.JAVA : Model.CodeLanguage.PYTHON)));
            case 'l' -> Step.of(clampScroll(m.withTimeline(!m.timeline())));
            case 'e' -> Step.of(m.withNotice(Optional.of(Notice.info("tui.notice.exporting"))), new Command.Export());
            case 'L' -> Step.of(m, new Command.LoadCourse("fr".equals(m.language()) ? "en" : "fr"));
            default -> Step.of(m);
        };
    }

    private static Step contents(Model m, Overlay.Contents c, Msg.Key k) {
        int last = m.course().lessons().size() - 1;
        return switch (k.kind()) {
            case UP -> Step.of(m.withOverlay(new Overlay.Contents(Math.max(0, c.cursor() - 1))));
            case DOWN -> Step.of(m.withOverlay(new Overlay.Contents(Math.min(last, c.cursor() + 1))));
            case HOME, PAGE_UP -> Step.of(m.withOverlay(new Overlay.Contents(0)));
            case END, PAGE_DOWN -> Step.of(m.withOverlay(new Overlay.Contents(last)));
            case ENTER, RIGHT -> go(m.withOverlay(Overlay.NONE), c.cursor());
            case ESCAPE, TAB, LEFT -> Step.of(m.withOverlay(Overlay.NONE));
            case CHAR -> k.is('j') ? contents(m, c, Msg.Key.of(Msg.Key.Kind.DOWN))
                    : k.is('k') ? contents(m, c, Msg.Key.of(Msg.Key.Kind.UP))
                    : k.is('q') ? quit(m)
                    : k.is('s') ? Step.of(m.withOverlay(Overlay.NONE))
                    : Step.of(m);
            default -> Step.of(m);
        };
    }

    /** Page {@code index}, scrolled to its top, its first experiment selected. */
    private static Step go(Model m, int index) {
        int target = Math.max(0, Math.min(index, m.course().lessons().size() - 1));
        if (target == m.page()) return Step.of(m);
        Model next = m.withPage(target).withScroll(0).withBlock(0).withNotice(Optional.empty());
        Lesson l = next.lesson();
        if (l.experiments().stream().noneMatch(d -> d.kind() == ExperimentDecl.Kind.RUN)) next = next.withDone(l.number());
        return Step.of(next, new Command.Visit(new PageRef(l.number(), l.slug())));
    }

    private static Model scroll(Model m, int by) { return clampScroll(m.withScroll(m.scroll() + by)); }

    /** Keeps the scroll within the page's text as laid out for this terminal. */
    static Model clampScroll(Model m) {
        int max = Math.max(0, View.textLines(m) - View.layout(m).text().h());
        return m.scroll() > max ? m.withScroll(max) : m;
    }

    private static Step quit(Model m) {
        return m.running() ? Step.of(m.withOverlay(new Overlay.ConfirmQuit())) : Step.of(m, new Command.Quit(0));
    }

    private static Step escape(Model m) {
        if (m.run() instanceof RunState.Running r && !r.cancelling())
            return Step.of(m.withRun(r.cancelled()), new Command.CancelRun());
        if (m.run() instanceof RunState.Queued)
            return Step.of(m.withRun(RunState.IDLE).withNotice(Optional.of(Notice.info("tui.notice.cancelled.before"))));
        return Step.of(m.withNotice(Optional.empty()));
    }

    /** Enter: run the selected block, after a warning if others load the machine and the tasks compute. */
    private static Step run(Model m) {
        Optional<ExperimentDecl> d = m.selected();
        if (d.isEmpty() || d.get().kind() != ExperimentDecl.Kind.RUN) return Step.of(m);
        if (m.running()) return Step.of(m.withNotice(Optional.of(Notice.warning(ONE_AT_A_TIME))));
        if (m.runtime(m.blockKey(), d.get()).isEmpty())
            return Step.of(m.withNotice(Optional.of(Notice.error("tui.notice.no.runtime", runtimeNames(d.get().runtimes())))));
        double busy = m.others() >= 0 ? m.others() : m.load();
        if (d.get().task() == TaskKind.CPU && Machine.busy(busy, m.machine().cores()))
            return Step.of(m.withOverlay(new Overlay.ConfirmBusy(busy)));
        return start(m, m.blockKey());
    }

    private static Step start(Model m, BlockKey key) {
        if (m.searching())
            return Step.of(m.withRun(new RunState.Queued(key)).withNotice(Optional.of(Notice.info("tui.notice.queued"))));
        List<ExperimentSpec> specs = m.specs(key);
        if (specs.isEmpty()) return Step.of(m);
        int id = m.nextRunId();
        Model next = m.withRun(new RunState.Running(id, key, specs, 0, false, Optional.empty())).withNextRunId(id + 1)
                .withResult(key, List.of()).withNotice(Optional.empty());
        return Step.of(next, new Command.StartRun(id, specs));
    }

    /** The Pythons are known: the run queued meanwhile starts, on the runtime it now has. */
    private static Step runtimesFound(Model m) {
        return m.run() instanceof RunState.Queued q ? start(m.withRun(RunState.IDLE), q.block()) : Step.of(m);
    }

    /** Said when a run is asked for while one goes; no longer true once it ends. */
    private static final String ONE_AT_A_TIME = "tui.notice.one.at.a.time";

    private static Step runDone(Model m, Msg.RunDone d) {
        if (!(m.run() instanceof RunState.Running r) || r.runId() != d.runId()) return Step.of(m);
        Measurement meas = d.measurement();
        List<Measurement> list = new ArrayList<>(m.results(r.block()));
        list.add(meas);
        Model next = m.withResult(r.block(), list);
        boolean last = d.step() >= r.specs().size() - 1;
        if (meas.cancelled()) return Step.of(next.withRun(RunState.IDLE).withNotice(Optional.of(Notice.info("tui.notice.cancelled"))));
        if (last) {
            next = next.withRun(RunState.IDLE);
            if (next.notice().filter(n -> n.key().equals(ONE_AT_A_TIME)).isPresent()) next = next.withNotice(Optional.empty());
            if (pageComplete(next, r.block().page())) next = next.withDone(r.block().page());
        } else {
            next = next.withRun(r.withStep(d.step() + 1));
        }
        Lesson page = m.course().lessons().get(Model.indexOf(m.course(), r.block().page()));
        Optional<Reference> notebook = m.decl(r.block()).flatMap(decl -> Model.notebookFigure(decl, meas.spec()));
        return Step.of(next, new Command.Save(r.runId(), new PageRef(page.number(), page.slug()), meas, d.load(), notebook));
    }

    /** Every run block of the page has a whole, uncancelled result. */
    private static boolean pageComplete(Model m, int number) {
        for (Lesson l : m.course().lessons()) {
            if (l.number() != number) continue;
            List<ExperimentDecl> e = l.experiments();
            for (int i = 0; i < e.size(); i++) {
                if (e.get(i).kind() != ExperimentDecl.Kind.RUN) continue;
                List<Measurement> got = m.results(new BlockKey(number, i));
                if (got.size() < e.get(i).compare().size() || got.stream().anyMatch(Measurement::cancelled)) return false;
            }
            return true;
        }
        return false;
    }

    private static Model cycleRuntime(Model m) {
        Optional<ExperimentDecl> d = m.selected();
        if (d.isEmpty() || d.get().kind() != ExperimentDecl.Kind.RUN) return m;
        List<RuntimeKind> offered = m.availableRuntimes(d.get());
        if (offered.isEmpty()) return m.withNotice(Optional.of(Notice.error("tui.notice.no.runtime", runtimeNames(d.get().runtimes()))));
        RuntimeKind now = m.runtime(m.blockKey(), d.get()).orElse(offered.get(0));
        RuntimeKind next = offered.get((offered.indexOf(now) + 1) % offered.size());
        Map<BlockKey, RuntimeKind> r = new HashMap<>(m.runtimes());
        r.put(m.blockKey(), next);
        Model out = m.withRuntimes(r);
        if (offered.size() == 1) out = out.withNotice(Optional.of(Notice.info("tui.notice.one.runtime", next.id())));
        return out;
    }

    /**
     * +/- and </>: one more or one fewer below 10, then by tens below 100, by hundreds below
     * 1000..., so that 10,000 virtual threads are a few presses away and 5 to 6 is one.
     */
    private static Model tune(Model m, int tasks, int workers) {
        Optional<ExperimentDecl> d = m.selected();
        if (d.isEmpty() || d.get().kind() != ExperimentDecl.Kind.RUN) return m;
        Tuning t = m.tuning(m.blockKey(), d.get());
        int nt = tasks == 0 ? t.tasks() : stepped(t.tasks(), tasks, ExperimentSpec.MAX_TASKS);
        int nw = workers == 0 ? t.workers() : stepped(t.workers(), workers, Model.maxWorkers(d.get()));
        Map<BlockKey, Tuning> map = new HashMap<>(m.tunings());
        map.put(m.blockKey(), new Tuning(nt, nw));
        return clampScroll(m.withTunings(map));
    }

    static int stepped(int n, int direction, int max) {
        if (direction > 0) {
            int step = (int) Math.pow(10, Math.floor(Math.log10(Math.max(1, n))));
            return Math.min(max, n + step);
        }
        int step = (int) Math.pow(10, Math.floor(Math.log10(Math.max(1, n - 1))));
        return Math.max(1, n - step);
    }

    /** 0: the notebook's tasks and workers, and the block's first runtime. */
    private static Model restore(Model m) {
        Map<BlockKey, Tuning> t = new HashMap<>(m.tunings());
        Map<BlockKey, RuntimeKind> r = new HashMap<>(m.runtimes());
        t.remove(m.blockKey());
        r.remove(m.blockKey());
        return clampScroll(m.withTunings(t).withRuntimes(r));
    }

    private static Model select(Model m, int index) {
        return index < m.experiments().size() ? clampScroll(m.withBlock(index)) : m;
    }

    /** A new language's course: the same page by number, the same results (keyed by page number). */
    private static Step courseLoaded(Model m, Course c) {
        if (c.lessons().isEmpty())
            return Step.of(m.withNotice(Optional.of(Notice.error("tui.notice.course.failed", c.language(), "0"))));
        int number = m.lesson().number();
        Model next = m.withCourse(c).withPage(Model.indexOf(c, number)).withNotice(Optional.empty());
        return Step.of(clampScroll(next));
    }

    private static String runtimeNames(List<RuntimeKind> runtimes) {
        return String.join(", ", runtimes.stream().map(RuntimeKind::id).toList());
    }
}
