package concurrence.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("La commande concurrence rehearse")
@Timeout(120)
class RehearseCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env)
                .run(args);
    }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    @Test void namesABadScale() {
        assertEquals(Cli.USAGE, run(Map.of(), "rehearse", "--scale", "abc"));
        assertTrue(err().contains("--scale") && err().contains("abc"), err());
        assertTrue(err().contains("concurrence rehearse [--scale X]"), err());
    }

    @Test void namesAMissingFolder(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere");
        assertEquals(Cli.USAGE, run(Map.of(), "rehearse", "--lessons", missing.toString()));
        assertTrue(err().contains(missing.toString()), err());
    }

    @Test void saysSoWhenTheFolderHasNoPage(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("fr"));
        assertEquals(Cli.FAILED, run(Map.of(), "rehearse", "--lessons", dir.toString()));
        assertTrue(err().contains(dir.toString()), err());
    }

    @Test void playsATwoPageCourseAndSaysHowItWent(@TempDir Path dir) throws Exception {
        Path fr = Files.createDirectories(dir.resolve("fr"));
        Files.writeString(fr.resolve("00-debut.md"), "---\ntitle: Début\nsummary: une page à lire\n---\n\nUne page sans expérience.\n");
        Files.writeString(fr.resolve("01-threads.md"), """
                ---
                title: Threads
                summary: deux attentes dans deux threads
                ---

                Cinq attentes.

                ```experiment
                task: io
                compare: threads
                tasks: 2
                workers: 2
                runtimes: jvm
                ```
                """);
        Path state = dir.resolve("state");
        Map<String, String> env = Map.of("CONCURRENCE_TURNS", dir.resolve("turns").toString(), "XDG_STATE_HOME", state.toString());

        assertEquals(Cli.OK, run(env, "rehearse", "--lessons", dir.toString(), "--scale", "0.01"), err());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("2 pages"), out.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(state), "the student's journal folder was not touched");
    }
}
