package concurrence.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one experiment on one runtime, emitting {@link Event}s as it goes, and returns what it
 * measured. One implementation per family of runtimes (this JVM, a CPython over a pipe).
 *
 * <pre>{@code
 * Runner runner = new JvmRunner();
 * Board board = new Board(SystemClock.INSTANCE);
 * RunResult r = runner.run(spec, board, new Cancellation());
 * }</pre>
 */
public interface Runner {
    /**
     * Runs {@code spec} once. A cancelled run returns a result with {@code cancelled() == true}
     * and its workers stopped.
     */
    RunResult run(ExperimentSpec spec, Consumer<Event> listener, Cancellation cancel) throws InterruptedException;

    /** Runs {@code spec} {@code spec.repeat()} times, as {@code %timeit} does; stops at the first cancelled run. */
    default Measurement measure(ExperimentSpec spec, Consumer<Event> listener, Cancellation cancel) throws InterruptedException {
        List<RunResult> runs = new ArrayList<>();
        for (int i = 0; i < spec.repeat(); i++) {
            RunResult r = run(spec, listener, cancel);
            runs.add(r);
            if (r.cancelled()) break;
        }
        return new Measurement(spec, runs);
    }
}
