package concurrence.turn;

import concurrence.engine.Cancellation;
import concurrence.engine.TaskKind;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Another process taking a turn, for {@link TurnsTest}: prints {@code HELD <outcome>} once it has
 * it, holds it until a line arrives on its input (or forever), then prints {@code RELEASED}.
 */
final class TurnHolder {
    private TurnHolder() {}

    public static void main(String[] args) throws Exception {
        Turns turns = new Turns(Path.of(args[0]), Duration.ofSeconds(60));
        try (Turn turn = turns.acquire(TaskKind.CPU, TurnListener.NONE, new Cancellation())) {
            System.out.println("HELD " + turn.outcome());
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in)).readLine();
        }
        System.out.println("RELEASED");
        System.out.flush();
    }
}
