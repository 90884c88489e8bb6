package concurrence.turn;

import concurrence.cli.Cli;
import concurrence.engine.Cancellation;
import concurrence.engine.TaskKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("concurrence run et le tour de la machine")
class RunTakesATurnTest {
    @TempDir Path tmp;

    private String[] run(String task, Map<String, String> env) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env)
                .run(new String[] {"run", "--strategy", "sequential", "--task", task, "--tasks", "2", "--scale", "0.01"});
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    @Timeout(60)
    @DisplayName("une expérience cpu attend son tour (borné), une expérience io n'attend pas")
    void cpuWaitsIoDoesNot() throws Exception {
        Path dir = tmp.resolve("turns");
        Map<String, String> env = Map.of("CONCURRENCE_TURNS", dir.toString(), "CONCURRENCE_TURN_WAIT", "0.5", "HOME", tmp.toString());
        try (Turn held = new Turns(dir, Duration.ofSeconds(1)).acquire(TaskKind.CPU, TurnListener.NONE, new Cancellation())) {
            assertEquals(Turn.Outcome.HELD, held.outcome());
            // The holder is this very JVM: the run's own attempt finds the lock taken, as from another process.
            String[] cpu = run("cpu", env);
            assertEquals("0", cpu[0], cpu[2]);
            assertTrue(cpu[2].contains("En attente du tour de la machine : 1 expérience cpu passe avant vous"), cpu[2]);
            assertTrue(cpu[2].contains("l'expérience part quand même"), cpu[2]);
            assertTrue(cpu[1].contains("sequential"), cpu[1]);
            String[] io = run("io", env);
            assertEquals("0", io[0], io[2]);
            assertFalse(io[2].contains("tour"), io[2]);
        }
    }
}
