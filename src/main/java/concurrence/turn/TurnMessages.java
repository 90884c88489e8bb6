package concurrence.turn;

import concurrence.i18n.Messages;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The turn's news in the user's language, one line at a time: for {@code concurrence run}, the
 * shell without a terminal, and anyone who prints lines rather than redrawing one.
 *
 * <pre>{@code
 * try (Turn turn = turns.acquire(TaskKind.CPU, TurnMessages.printing(err::println, m, turns.maxWait()), cancel)) { ... }
 * }</pre>
 */
public final class TurnMessages {
    private TurnMessages() {}

    /** The waiting line: {@code En attente du tour de la machine : 2 expériences devant (4 s)…}. */
    public static String waiting(Messages m, int ahead, Duration waited, Duration maxWait) {
        return m.get(ahead == 1 ? "turn.waiting.one" : "turn.waiting.many", ahead, seconds(waited, m), seconds(maxWait, m));
    }

    public static String acquired(Messages m, Duration waited) { return m.get("turn.acquired", seconds(waited, m)); }

    public static String gaveUp(Messages m, Duration waited) { return m.get("turn.gave.up", seconds(waited, m)); }

    public static String unavailable(Messages m, TurnListener.Problem p) {
        return switch (p.kind()) {
            case SYMLINK -> m.get("turn.unavailable.symlink", p.path());
            case NOT_A_DIRECTORY -> m.get("turn.unavailable.not.dir", p.path());
            case UNSAFE_OWNER -> m.get("turn.unavailable.owner", p.path(), p.detail());
            case IO -> m.get("turn.unavailable.io", p.path(), p.detail());
        };
    }

    /**
     * A listener printing a line when the count ahead changes (or every ten seconds), when the
     * turn comes after a wait, and when it never does.
     */
    public static TurnListener printing(Consumer<String> out, Messages m, Duration maxWait) {
        return new TurnListener() {
            private int lastAhead = -1;
            private Duration lastPrinted = Duration.ZERO;

            @Override public void waiting(int ahead, Duration waited) {
                if (ahead != lastAhead || waited.minus(lastPrinted).compareTo(Duration.ofSeconds(10)) >= 0) {
                    out.accept(TurnMessages.waiting(m, ahead, waited, maxWait));
                    lastAhead = ahead;
                    lastPrinted = waited;
                }
            }

            @Override public void acquired(Duration waited) {
                if (lastAhead >= 0) out.accept(TurnMessages.acquired(m, waited));
            }

            @Override public void gaveUp(Duration waited) { out.accept(TurnMessages.gaveUp(m, waited)); }

            @Override public void unavailable(Problem problem) { out.accept(TurnMessages.unavailable(m, problem)); }
        };
    }

    private static String seconds(Duration d, Messages m) {
        if (d.toSeconds() >= 60) return m.get("turn.minutes", d.toMinutes(), d.toSecondsPart());
        return m.get("turn.seconds", Math.round(d.toMillis() / 1000.0));
    }
}
