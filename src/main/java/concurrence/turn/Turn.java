package concurrence.turn;

import java.time.Duration;

/**
 * A turn on the machine, or the reason there is none; closing it lets the next experiment go.
 *
 * <pre>{@code
 * try (Turn turn = Turns.acquire(TaskKind.CPU, listener)) {
 *     if (turn.outcome() == Turn.Outcome.CANCELLED) return;
 *     runner.measure(spec, board, cancel);
 * }
 * }</pre>
 */
public interface Turn extends AutoCloseable {

    /** How the wait ended. */
    enum Outcome {
        /** An io experiment: it barely notices others, and others barely notice it. */
        NOT_NEEDED,
        /** This experiment has the machine's turn until it closes it. */
        HELD,
        /** The most allowed wait passed: run anyway, beside another. */
        TIMED_OUT,
        /** No turn can be taken here: run anyway. */
        UNAVAILABLE,
        /** Cancelled while waiting: do not run. */
        CANCELLED
    }

    Outcome outcome();

    /** How long the wait took. */
    Duration waited();

    /** Lets the next one go; closing twice does nothing. */
    @Override void close();

    /** A turn that holds nothing. */
    static Turn none(Outcome outcome, Duration waited) {
        return new Turn() {
            @Override public Outcome outcome() { return outcome; }
            @Override public Duration waited() { return waited; }
            @Override public void close() {}
        };
    }
}
