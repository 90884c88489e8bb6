package concurrence.tui;

import concurrence.engine.ExperimentSpec;

import java.util.List;

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
     * Run {@code runId} of {@code block}: its strategies in order, the one running now, and
     * whether Esc was pressed (the engine is stopping it).
     */
    record Running(int runId, BlockKey block, List<ExperimentSpec> specs, int step, boolean cancelling) implements RunState {
        public Running { specs = List.copyOf(specs); }

        public ExperimentSpec current() { return specs.get(Math.min(step, specs.size() - 1)); }
    }

    RunState IDLE = new Idle();
}
