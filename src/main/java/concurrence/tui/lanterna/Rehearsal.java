package concurrence.tui.lanterna;

import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTTYTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import concurrence.engine.TaskKind;
import concurrence.lesson.ExperimentDecl;
import concurrence.lesson.Lesson;
import concurrence.tui.Model;
import concurrence.tui.Msg;
import concurrence.tui.Overlay;
import concurrence.tui.TuiConfig;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The app played once, start to end, on a terminal emulated in memory ({@link EmulatedTerminal}):
 * every page, each experiment at a small scale (the first cpu one on each JVM runtime), the
 * contents and the help, Python and Java code, a wide window, English and back. What the app's
 * start-up cache is made from (README: "Start-up caches"): a JVM that has played it once has
 * loaded, linked and profiled what a student's session runs, Lanterna's ANSI terminal included,
 * so the next one starts with all of that done.
 *
 * <pre>{@code
 * Rehearsal.Outcome o = Rehearsal.play(config.withScale(0.02), System.err);   // a few seconds
 * }</pre>
 *
 * <p><b>Threads.</b> The app's loop runs on the calling thread, as it does for a student; a
 * daemon thread plays the student: it types keys into the emulated terminal and waits, each time,
 * until the model the loop publishes ({@link #seen}, written by the loop's thread only) shows
 * that the key took effect. Every wait has a deadline; past it the rehearsal gives up, quits
 * the app, and says which step did not happen.
 */
public final class Rehearsal {
    /** The longest any one step may take (a run of one experiment at the rehearsal's scale takes well under a second). */
    static final Duration STEP = Duration.ofSeconds(60);
    /** 50 frames a second: each key shows on the next frame, and the rehearsal waits for it. */
    static final long FRAME_NANOS = 20_000_000L;

    /** How the rehearsal ended: the app's exit code, the steps played, and the step that failed, if one did. */
    public record Outcome(int exitCode, int steps, String failed) {
        public boolean ok() { return exitCode == 0 && failed.isEmpty(); }
    }

    private final EmulatedTerminal terminal = new EmulatedTerminal(100, 30);
    private final AtomicReference<Model> seen = new AtomicReference<>();
    private final Duration step;
    /** Keys typed: written by the student's thread only, read by the caller once it has ended. */
    private volatile int steps;

    private Rehearsal(Duration step) { this.step = step; }

    /** Plays the course of {@code config} once; the config's journal, turns and runners are used as given. */
    public static Outcome play(TuiConfig config, PrintStream err) {
        return new Rehearsal(STEP).run(config, err);
    }

    static Outcome play(TuiConfig config, PrintStream err, Duration step) {
        return new Rehearsal(step).run(config, err);
    }

    /**
     * What a real terminal needs and the emulated one cannot run (their {@code stty} wants a
     * tty): loaded, not used, so that the cache holds them too.
     */
    static final List<Class<?>> REAL_TERMINAL = List.of(DefaultTerminalFactory.class, UnixTerminal.class,
            UnixLikeTTYTerminal.class, UnixLikeTerminal.CtrlCBehaviour.class);

    private Outcome run(TuiConfig config, PrintStream err) {
        AtomicReference<String> failed = new AtomicReference<>("");
        FullScreen app = new FullScreen(config, Map.of(), err, terminal.terminal(), seen::set, FRAME_NANOS);
        Thread student = Thread.ofPlatform().daemon().name("rehearsal").unstarted(() -> {
            try {
                playCourse();
            } catch (StepFailed e) {
                failed.set(e.getMessage());
            } catch (InterruptedException e) {
                return;   // the app ended first
            } catch (RuntimeException | Error e) {
                failed.set(e.toString());
            }
            // Through the loop's inbox, not the keyboard: the app must end even if typing is what broke.
            app.post(Msg.Key.of('q'));
            app.post(Msg.Key.of('o'));   // only if a run was going: it asks first
        });
        student.start();
        int code = app.run();
        student.interrupt();
        try {
            student.join(step.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failed.get().isEmpty() && code == 0 && student.isAlive()) failed.set("the rehearsal did not end");
        return new Outcome(code, steps, failed.get());
    }

    private void playCourse() throws InterruptedException, StepFailed {
        Model m = await("the first page", x -> true);
        List<Lesson> pages = m.course().lessons();
        boolean everyRuntime = true;   // for the first cpu experiment: each JVM runtime, with the GIL and without
        for (int i = 0; i < pages.size(); i++) {
            int page = i;
            if (i > 0) {
                type(KeyType.ArrowRight);
                await("page " + pages.get(i).number(), x -> x.page() == page);
            }
            List<ExperimentDecl> blocks = pages.get(i).experiments();
            for (int b = 0; b < blocks.size() && b < 9; b++) {
                if (blocks.get(b).kind() != ExperimentDecl.Kind.RUN) continue;
                int block = b;
                if (blocks.size() > 1) {
                    type('1' + b);
                    await("block " + (b + 1) + " of page " + pages.get(i).number(), x -> x.block() == block);
                }
                int runtimes = 1;
                if (everyRuntime && blocks.get(b).task() == TaskKind.CPU) {
                    runtimes = Math.max(1, seen.get().availableRuntimes(blocks.get(b)).size());
                    everyRuntime = false;
                }
                for (int r = 0; r < runtimes; r++) {
                    if (r > 0) type('b');
                    runOnce("page " + pages.get(i).number());
                }
            }
            type('c');
            type('c');
            type(KeyType.ArrowDown);
        }
        type(KeyType.Tab);
        await("the contents", x -> x.overlay() instanceof Overlay.Contents);
        type(KeyType.Tab);   // closes the contents, as Esc does (a lone Esc waits to see if a sequence follows)
        type('?');
        await("the help", x -> x.overlay() instanceof Overlay.Help);
        type(KeyType.Tab);   // any key closes the help
        await("the help closed", x -> x.overlay() instanceof Overlay.None);
        terminal.resize(160, 45);
        await("the wide window", x -> x.columns() == 160 && x.wide());
        terminal.resize(100, 30);
        await("the window back", x -> x.columns() == 100);
        String language = seen.get().language();
        type('L');
        await("the other language", x -> !x.language().equals(language));
        type('L');
        await("the first language again", x -> x.language().equals(language));
    }

    /** Enter, then the run to its end (confirming it if the machine is busy), with its results kept. */
    private void runOnce(String where) throws InterruptedException, StepFailed {
        int before = seen.get().nextRunId();
        type(KeyType.Enter);
        Model m = await("the run of " + where + " to start",
                x -> x.nextRunId() > before || x.overlay() instanceof Overlay.ConfirmBusy);
        if (m.overlay() instanceof Overlay.ConfirmBusy) {
            type(KeyType.Enter);
            await("the run of " + where + " to start", x -> x.nextRunId() > before);
        }
        await("the run of " + where + " to end", x -> !x.running());
    }

    private void type(KeyType key) {
        terminal.type(key);
        steps++;
    }

    private void type(int ch) {
        terminal.type((char) ch);
        steps++;
    }

    /** The first model the loop publishes that fits {@code what}; waits for it at most one step's time. */
    private Model await(String what, Predicate<Model> fits) throws InterruptedException, StepFailed {
        long deadline = System.nanoTime() + step.toNanos();
        while (true) {
            Model m = seen.get();
            if (m != null && fits.test(m)) return m;
            if (System.nanoTime() > deadline) throw new StepFailed(what);
            if (Thread.interrupted()) throw new InterruptedException();
            LockSupport.parkNanos(2_000_000);
        }
    }

    private static final class StepFailed extends Exception {
        StepFailed(String what) { super(what, null, false, false); }
    }
}
