package concurrence.tui;

import concurrence.engine.ExperimentSpec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Whether an experiment runs, and which: at most one at a time.
 *
 * <pre>{@code
 * if (model.run() instanceof RunState.Running r && r.block().equals(key)) ...
 * }</pre>
 */
public sealed interface RunState {
    record Idle() implements RunState {}

    /**
     * Enter was pressed while the app was still looking for the Pythons: {@code block} runs as
     * soon as they are found, so that it runs on the runtime it would have had, and so that the
     * search's processes do not share the cores with it.
     */
    record Queued(BlockKey block) implements RunState {}

    /**
     * Run {@code runId} of {@code block}: its strategies in order, the one running now, whether
     * Esc was pressed (the engine is stopping it), and, before it starts, its wait for the
     * machine's turn.
     */
    record Running(int runId, BlockKey block, List<ExperimentSpec> specs, int step, boolean cancelling,
                   Optional<Waiting> waiting) implements RunState {
        public Running { specs = List.copyOf(specs); }

        public ExperimentSpec current() { return specs.get(Math.min(step, specs.size() - 1)); }

        public Running withStep(int s) { return new Running(runId, block, specs, s, cancelling, waiting); }

        public Running cancelled() { return new Running(runId, block, specs, step, true, waiting); }

        public Running withWaiting(Optional<Waiting> w) { return new Running(runId, block, specs, step, cancelling, w); }
    }

    /** Waiting for the machine's turn: {@code ahead} cpu experiments first, for {@code waited} so far, at most {@code maxWait}. */
    record Waiting(int ahead, Duration waited, Duration maxWait) {}

    RunState IDLE = new Idle();
}
