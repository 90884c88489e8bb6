package concurrence.shell;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code printf 'run threads io --scale 0.1\n' | concurrence shell}: a real process, its standard input a pipe. */
@DisplayName("Le mode ligne lit un tube")
class ShellPipeTest {
    @TempDir Path tmp;

    record Outcome(int code, String out, String err) {}

    private Outcome shell(String input, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "-Dconcurrence.lessons=" + System.getProperty("concurrence.lessons", "lessons"), "concurrence.Main", "shell"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("XDG_STATE_HOME", tmp.resolve("state").toString());
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("CONCURRENCE_TURNS", tmp.resolve("turns").toString());
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(50, TimeUnit.SECONDS), "the shell ends at the end of its input");
        return new Outcome(p.exitValue(), out.join(), err.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    @Timeout(60)
    @DisplayName("lit les commandes, imprime des lignes simples, sort avec 0 à la fin de l'entrée")
    void readsAScript() throws Exception {
        Outcome o = shell("run threads io --scale 0.1\nrésultats\n");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("… threads, tâches io, sur jvm"), o.out());
        assertTrue(o.out().contains("Runtime : jvm"), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.matches("threads +\\d.*")), o.out());
        assertTrue(o.out().contains("autres (cœurs)"), "the results: " + o.out());
        assertFalse(o.out().contains("concurrence>"), "no prompt in a pipe");
        assertFalse(o.out().contains("\u001b["), "no escape sequence in a pipe");
        assertFalse(o.err().contains("dumb terminal"), o.err());
    }

    @Test
    @Timeout(60)
    @DisplayName("une commande fautive dans un script : le message sur la sortie d'erreur, et le code 1 à la fin")
    void aBadScriptExitsOne() throws Exception {
        Outcome o = shell("page 99\nfrobnicate\npages\n", "--lang", "en");
        assertEquals(1, o.code());
        assertTrue(o.err().contains("No page 99"), o.err());
        assertTrue(o.err().contains("unknown command \"frobnicate\""), o.err());
        assertTrue(o.out().contains("Threads and IO-bound tasks") || o.out().contains(" 4 "), "the contents still listed: " + o.out());
    }

    @Test
    @Timeout(90)
    @DisplayName("--reset demande confirmation (lue ici dans le tube), garde une copie, puis le journal est vide")
    void resetFromTheCommandLine() throws Exception {
        assertEquals(0, shell("run threads io --scale 0.01\n").code());
        Outcome reset = shell("oui\nrésultats tout\n", "--reset");
        assertEquals(0, reset.code(), reset.err());
        assertTrue(reset.out().contains("Oublier la progression et les résultats gardés (1)"), "the question, then the answer read: " + reset.out());
        assertTrue(reset.out().contains("Progression oubliée ; l'ancien journal est gardé dans"), reset.out());
        assertTrue(reset.out().contains("Le journal ne contient encore aucun résultat."), reset.out());
        try (var files = java.nio.file.Files.list(tmp.resolve("state/concurrence"))) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().endsWith(".jsonl.bak")).count());
        }
    }
}
