package concurrence.tui.lanterna;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import concurrence.engine.Board;
import concurrence.engine.Cancellation;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.Machine;
import concurrence.engine.Measurement;
import concurrence.engine.Runner;
import concurrence.engine.RuntimeKind;
import concurrence.engine.SystemClock;
import concurrence.i18n.Messages;
import concurrence.journal.Load;
import concurrence.journal.LoadProbe;
import concurrence.journal.PageRef;
import concurrence.lesson.Course;
import concurrence.tui.Finished;
import concurrence.tui.Notice;
import concurrence.turn.Turn;
import concurrence.turn.TurnListener;
import concurrence.turn.TurnMessages;
import concurrence.turn.Turns;
import concurrence.tui.Command;
import concurrence.tui.Model;
import concurrence.tui.Msg;
import concurrence.tui.Step;
import concurrence.tui.TuiConfig;
import concurrence.tui.Update;
import concurrence.tui.View;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The render loop: Lanterna's screen, twelve frames a second, the experiment on a background
 * thread, and the terminal restored however the app ends.
 *
 * <pre>{@code
 * int code = new FullScreen(config, System.getenv(), System.err).run();
 * }</pre>
 *
 * <p><b>Threads.</b> The loop's thread owns the model: it polls keys, drains the inbox, folds
 * everything through {@link Update#update}, carries out the commands, and draws. The experiment
 * runs on a daemon thread that only posts {@link Msg}s to the lock-free inbox and feeds its
 * {@link Board}, which the loop samples once a frame; so the engine never waits for the screen.
 * A frame is drawn only when something changed or a run is going, so an idle page costs nothing
 * but the polling.
 *
 * <p><b>Restoring the terminal.</b> {@code finally} on every way out of the loop, and a shutdown
 * hook for SIGTERM and SIGHUP: both close the screen under {@code screenLock}, which also guards
 * every frame, so the hook never tears a frame in half and the loop never draws on a closed
 * screen. Ctrl-C arrives as a key (Lanterna's TRAP mode), Ctrl-Z is turned off ({@code stty susp
 * undef}) so the shell cannot end up on the alternate screen, and after closing, the resize
 * signal goes back to its default (Lanterna's handler would answer later resizes with stray
 * {@code ESC[6n} queries).
 */
public final class FullScreen {
    /**
     * 12 frames a second: bars still move smoothly, and the app takes less from the cores it
     * measures. Measured with scripts/bench-tui: at 15 frames the render loop alone took 1.2 to
     * 1.4 % of a core 20-30 s into a run, most of it in code the JIT had not compiled yet (a
     * method called once a frame reaches the first compiler after some 200 frames).
     */
    static final long FRAME_NANOS = 1_000_000_000L / 12;
    static final long LOAD_EVERY_NANOS = 2_000_000_000L;
    /**
     * The first reading of what others use comes sooner: until then, Enter on a cpu page can only
     * judge by the load average, whose last minute may hold the student's own previous run.
     */
    static final long FIRST_LOAD_NANOS = 500_000_000L;

    private final TuiConfig config;
    private final Map<String, String> env;
    private final PrintStream err;
    private final ConcurrentLinkedQueue<Msg> inbox = new ConcurrentLinkedQueue<>();
    private final ReentrantLock screenLock = new ReentrantLock();

    // Written once by the loop's thread before the shutdown hook is registered; read by the hook.
    private volatile Terminal terminal;
    private volatile TerminalScreen screen;
    /** Guarded by screenLock. */
    private boolean closed;
    /** The running experiment's: replaced by the loop's thread at each start, read by the hook. */
    private volatile Cancellation cancellation = new Cancellation();
    private volatile Thread runThread;
    private volatile Board board;

    /** When this app started, in milliseconds: with the run's number, it names the batch its results belong to. */
    private final long startedAt = System.currentTimeMillis();

    /** A terminal made elsewhere (the rehearsal's, emulated in memory), or null: the process's own. */
    private final Terminal given;
    /** Told the model after each turn of the loop (the rehearsal watches it), or null. */
    private final Consumer<Model> watcher;
    /** The time between two turns of the loop: {@link #FRAME_NANOS}, shorter for the rehearsal. */
    private final long frameNanos;

    // Owned by the loop's thread.
    private Model model;
    private Integer exit;

    public FullScreen(TuiConfig config, Map<String, String> env, PrintStream err) {
        this(config, env, err, null, null, FRAME_NANOS);
    }

    /**
     * On {@code given}, a terminal made elsewhere: the process's own terminal, its modes and its
     * signals are left alone. {@code watcher} sees the model after each turn of the loop, on the
     * loop's thread; the loop turns every {@code frameNanos}.
     */
    FullScreen(TuiConfig config, Map<String, String> env, PrintStream err, Terminal given, Consumer<Model> watcher,
               long frameNanos) {
        this.config = config;
        this.env = env;
        this.err = err;
        this.given = given;
        this.watcher = watcher;
        this.frameNanos = frameNanos;
    }

    /** Hands a message to the loop, from any thread, as the app's own threads do (the rehearsal quits this way). */
    void post(Msg msg) { inbox.add(msg); }

    public int run() {
        Messages m = View.messages(config.course().language());
        Optional<String> why = given != null ? Optional.empty() : whyNoTerminal(env, m);
        if (why.isPresent()) {
            err.println(m.get("tui.no.terminal", why.get()));
            return 1;
        }
        Palette palette = new Palette(config.colors());
        Thread hook = new Thread(this::restoreFromHook, "concurrence-restore-terminal");
        Throwable crash = null;
        try {
            if (given != null) {
                terminal = given;
            } else {
                TerminalOutput out = new TerminalOutput(new FileOutputStream(FileDescriptor.out));
                terminal = new DefaultTerminalFactory(out, System.in, StandardCharsets.UTF_8)
                        .setForceTextTerminal(true)
                        .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
                        .createTerminal();
                disableSuspend();
            }
            screen = new TerminalScreen(terminal);
            if (given == null) Runtime.getRuntime().addShutdownHook(hook);
            screen.startScreen();
            TerminalSize size = screen.getTerminalSize();
            // The first frame does not wait for the Pythons: it offers the JVM's runtimes, and the
            // others join as soon as the search (started after the first frame) is over.
            model = Model.start(config.course(), config.startPage(), config.runtime(), config.scale(), jvmRuntimes(),
                    config.donePages(), config.glyphs(), Machine.detect(), size.getColumns(), size.getRows());
            model = model.withLoad(Machine.loadAverage()).withEarlier(config.earlier()).withSearching(true);
            config.pageShown().accept(new PageRef(model.lesson().number(), model.lesson().slug()));
            loop(new Frame(screen, palette));
        } catch (IOException e) {
            if (screen == null) {
                err.println(m.get("tui.no.terminal", e.getMessage()));
                return 1;
            }
            crash = e;
        } catch (RuntimeException | Error e) {
            crash = e;
        } finally {
            stopRun();
            restore();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // shutting down already, or never registered
            }
        }
        if (crash != null) {
            err.println(m.get("tui.crashed", crash));
            crash.printStackTrace(err);
            return 1;
        }
        return exit == null ? 0 : exit;
    }

    private void loop(Frame frame) throws IOException {
        long next = System.nanoTime();
        long nextLoad = next + FIRST_LOAD_NANOS;
        LoadProbe probe = LoadProbe.start();
        boolean dirty = true;
        boolean complete = true;
        boolean searchStarted = false;
        while (exit == null) {
            TerminalSize resized = screen.doResizeIfNecessary();
            if (resized != null) {
                fold(new Msg.Resize(resized.getColumns(), resized.getRows()));
                dirty = complete = true;
            }
            for (KeyStroke k; exit == null && (k = screen.pollInput()) != null; dirty = true) fold(Keys.of(k));
            for (Msg msg; exit == null && (msg = inbox.poll()) != null; dirty = true) fold(msg);
            long now = System.nanoTime();
            if (now - nextLoad >= 0) {
                Load load = probe.stop();
                probe = LoadProbe.start();
                if (load.end() != model.load() || load.othersCores() != model.others()) {
                    fold(new Msg.Busy(load.end(), load.othersCores()));
                    dirty = true;
                }
                nextLoad = now + LOAD_EVERY_NANOS;
            }
            if (model.running()) {
                fold(new Msg.Tick(now));
                dirty = true;
            }
            if (exit != null) break;
            if (dirty) {
                draw(frame, complete);
                dirty = complete = false;
                if (!searchStarted) {
                    // Only once the first page shows: finding the Pythons runs a probe process per
                    // candidate (with pyenv, a few hundred shell processes), which on two cores
                    // would hold the first frame back by seconds.
                    searchStarted = true;
                    Thread.ofPlatform().daemon().name("find-runtimes").start(() -> inbox.add(new Msg.RuntimesFound(available())));
                }
            }
            if (watcher != null) watcher.accept(model);
            next += frameNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            else next = System.nanoTime();
        }
    }

    private void draw(Frame frame, boolean complete) throws IOException {
        screenLock.lock();
        try {
            if (closed) return;
            Board b = board;
            Board.Snapshot s = model.running() && b != null ? b.sample(Math.max(1, model.rows())) : Board.Snapshot.EMPTY;
            frame.draw(model, s, complete);
        } finally {
            screenLock.unlock();
        }
    }

    private void fold(Msg msg) {
        Step s = Update.update(model, msg);
        model = s.model();
        s.command().ifPresent(this::execute);
    }

    private void execute(Command c) {
        switch (c) {
            case Command.StartRun s -> start(s.runId(), s.specs());
            case Command.CancelRun x -> cancellation.cancel();
            case Command.LoadCourse l -> Thread.ofPlatform().daemon().name("load-course").start(() -> {
                try {
                    Course course = config.loader().apply(l.language());
                    inbox.add(new Msg.CourseLoaded(course));
                } catch (RuntimeException e) {
                    inbox.add(new Msg.CourseFailed(l.language(), String.valueOf(e.getMessage())));
                }
            });
            case Command.Save s -> {
                try {
                    String batch = ProcessHandle.current().pid() + "-" + startedAt + "-" + s.runId();
                    config.sink().accept(new Finished(batch, s.page(), s.measurement(), s.load(), s.notebook()));
                } catch (RuntimeException e) {
                    inbox.add(new Msg.SaveFailed(String.valueOf(e.getMessage())));
                }
            }
            case Command.Visit v -> config.pageShown().accept(v.page());
            case Command.Export x -> export();
            case Command.Quit q -> exit = q.exitCode();
        }
    }

    /**
     * Starts the specs one after the other on a daemon thread, with a fresh board and
     * cancellation: first the machine's turn (a cpu run waits while a classmate's computes), then
     * each strategy, the machine's load probed around it.
     */
    private void start(int runId, List<ExperimentSpec> specs) {
        Board b = new Board(SystemClock.INSTANCE);
        Cancellation cancel = new Cancellation();
        Messages m = View.messages(model.language());
        Turns turns = config.turns();
        board = b;
        cancellation = cancel;
        TurnListener listener = new TurnListener() {
            @Override public void waiting(int ahead, Duration waited) { inbox.add(new Msg.TurnWaiting(runId, ahead, waited, turns.maxWait())); }

            @Override public void gaveUp(Duration waited) {
                inbox.add(new Msg.Told(Notice.warning("tui.notice.text", TurnMessages.gaveUp(m, waited))));
            }

            @Override public void unavailable(Problem problem) {
                inbox.add(new Msg.Told(Notice.warning("tui.notice.text", TurnMessages.unavailable(m, problem))));
            }
        };
        runThread = Thread.ofPlatform().daemon().name("experiment-" + runId).start(() -> {
            try (Turn turn = turns.acquire(specs.get(0).task(), listener, cancel)) {
                if (turn.outcome() == Turn.Outcome.CANCELLED) {
                    inbox.add(new Msg.RunCancelled(runId));
                    return;
                }
                inbox.add(new Msg.TurnTaken(runId));
                for (int i = 0; i < specs.size(); i++) {
                    ExperimentSpec spec = specs.get(i);
                    inbox.add(new Msg.RunEvent(runId, i));
                    Runner runner = config.runners().apply(spec.runtime()).orElseThrow(() ->
                            new IllegalStateException(spec.runtime().id()));
                    LoadProbe probe = LoadProbe.start();
                    Measurement meas = runner.measure(spec, b, cancel);
                    Load load = probe.stop();
                    inbox.add(new Msg.RunDone(runId, i, load.onto(meas), load));
                    if (meas.cancelled()) return;
                }
            } catch (InterruptedException e) {
                inbox.add(new Msg.RunFailed(runId, e.toString()));
            } catch (RuntimeException e) {
                inbox.add(new Msg.RunFailed(runId, e.getMessage() != null ? e.getMessage() : e.toString()));
            }
        });
    }

    /**
     * Writes the export on a daemon thread (it reads the whole journal and writes a file: the
     * screen must not wait for the disk), then says on the status line what was written, or why not.
     */
    private void export() {
        Optional<concurrence.tui.Exporter> exporter = config.exporter();
        if (exporter.isEmpty()) {
            inbox.add(new Msg.ExportFailed(View.messages(model.language()).get("tui.notice.export.none")));
            return;
        }
        Thread.ofPlatform().daemon().name("export").start(() -> {
            try {
                concurrence.tui.Exporter.Exported done = exporter.get().export();
                inbox.add(new Msg.Exported(done.file(), done.runs()));
            } catch (IOException | RuntimeException e) {
                inbox.add(new Msg.ExportFailed(e.getMessage() != null ? e.getMessage() : e.toString()));
            }
        });
    }

    /** Cancels a run still going, lets it stop its workers for a moment, then ends any child left. */
    private void stopRun() {
        cancellation.cancel();
        Thread t = runThread;
        if (t != null) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
    }

    private Set<RuntimeKind> jvmRuntimes() {
        Set<RuntimeKind> out = EnumSet.noneOf(RuntimeKind.class);
        for (RuntimeKind r : RuntimeKind.values()) if (r.isJvm() && config.runners().apply(r).isPresent()) out.add(r);
        return out;
    }

    private Set<RuntimeKind> available() {
        Set<RuntimeKind> out = EnumSet.noneOf(RuntimeKind.class);
        for (RuntimeKind r : RuntimeKind.values()) if (config.runners().apply(r).isPresent()) out.add(r);
        return out;
    }

    private void restoreFromHook() {
        cancellation.cancel();
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
        restore();
    }

    /** Leaves the alternate screen and gives the terminal its modes back, once, whoever calls first. */
    private void restore() {
        boolean locked = false;
        try {
            locked = screenLock.tryLock(500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (closed) return;
            closed = true;
            TerminalScreen s = screen;
            Terminal t = terminal;
            try {
                if (s != null) s.stopScreen();
            } catch (IOException | RuntimeException e) {
                // the terminal may be gone (SSH dropped): nothing more to restore on it
            }
            try {
                if (t != null) t.close();
            } catch (IOException | RuntimeException e) {
                // same
            }
            if (t != null && given == null) resetResizeSignal();
        } finally {
            if (locked) screenLock.unlock();
        }
    }

    /** Lanterna's resize handler outlives the terminal: give SIGWINCH back its default. */
    @SuppressWarnings("restriction")
    private static void resetResizeSignal() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), sun.misc.SignalHandler.SIG_DFL);
        } catch (IllegalArgumentException e) {
            // no such signal here
        }
    }

    /** Ctrl-Z would leave the shell drawing on our alternate screen: make it an ordinary key. Lanterna restores it on close. */
    private static void disableSuspend() {
        try {
            new ProcessBuilder("/bin/stty", "susp", "undef").redirectInput(new File("/dev/tty"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no stty: Ctrl-Z keeps its meaning
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Why there is no terminal to draw on, if there is none: {@code TERM} unset or {@code dumb},
     * or standard input or output not a terminal (piped, redirected).
     */
    static Optional<String> whyNoTerminal(Map<String, String> env, Messages m) {
        String term = env.getOrDefault("TERM", "");
        if (term.isBlank() || term.equals("dumb")) return Optional.of(m.get("tui.no.terminal.dumb", term));
        return isTerminal(0) && isTerminal(1) ? Optional.empty() : Optional.of(m.get("tui.no.terminal.tty"));
    }

    /**
     * Whether file descriptor {@code fd} of this process is a terminal: on Linux, where it leads
     * ({@code /proc/self/fd}); elsewhere, what {@code test -t} says.
     */
    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.startsWith("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            // no /proc: ask the shell below
        }
        try {
            ProcessBuilder.Redirect inherit = ProcessBuilder.Redirect.INHERIT;
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", "[ -t " + fd + " ]").redirectError(ProcessBuilder.Redirect.DISCARD);
            if (fd == 0) pb.redirectInput(inherit);
            else pb.redirectOutput(inherit);
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroy();
                return true;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return true;   // nothing to ask: let the terminal's creation decide
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
