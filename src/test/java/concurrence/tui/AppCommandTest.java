package concurrence.tui;

import concurrence.cli.Cli;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("concurrence, sans sous-commande : les options de l'application plein écran")
@Timeout(60)
class AppCommandTest {
    record Outcome(int code, String out, String err) {}

    static Outcome cli(Map<String, String> env, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env)
                .run(args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static final Map<String, String> TERMINAL = Map.of("TERM", "xterm-256color", "LANG", "C.UTF-8");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--lesson x | --lesson | « x »",
            "--lesson 120 | --lesson | 99",
            "--lang de | --lang | « de »",
            "--runtime pypy | --runtime | « pypy »",
            "--scale 0 | --scale | « 0 »",
            "--scale 11 | --scale | « 11 »",
            "--color 16 | --color | « 16 »",
            "--bars blocks | --bars | « blocks »",
            "--lessons /nulle/part | --lessons | /nulle/part",
            "--lesson 42 | --lesson | 42",
            "--frobnicate | frobnicate | concurrence --help"})
    @DisplayName("une mauvaise valeur : une ligne claire qui nomme l'option, et le code 2")
    void badValues(String args, String option, String detail) {
        Outcome o = cli(TERMINAL, args.strip().split(" "));
        assertEquals(2, o.code(), o.err());
        String first = o.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("concurrence: ") && first.contains(option) && o.err().contains(detail), o.err());
        assertEquals("", o.out());
    }

    @Test
    @DisplayName("--version et --help répondent sans ouvrir l'écran")
    void versionAndHelp() {
        Outcome v = cli(TERMINAL, "--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("concurrence "), v.out());
        Outcome h = cli(TERMINAL, "--help");
        assertEquals(0, h.code());
        for (String option : new String[] {"--lesson", "--lang", "--runtime", "--scale", "--color", "--ascii", "--bars", "--lessons"})
            assertTrue(h.out().contains(option), option + " missing from\n" + h.out());
        assertTrue(cli(TERMINAL, "--help", "--lang", "en").out().contains("preferred runtime"));
    }

    @Test
    @DisplayName("sans terminal (TERM=dumb, ou sortie redirigée comme ici) : un message qui renvoie au mode ligne, et le code 1")
    void noTerminal() {
        Outcome dumb = cli(Map.of("TERM", "dumb"));
        assertEquals(1, dumb.code());
        assertTrue(dumb.err().contains("TERM=dumb") && dumb.err().contains("concurrence shell"), dumb.err());
        Outcome piped = cli(TERMINAL, "--lesson", "4");
        assertEquals(1, piped.code());
        assertTrue(piped.err().contains("concurrence shell"), piped.err());
        Outcome english = cli(Map.of(), "--lang", "en");
        assertTrue(english.err().contains("no terminal here") && english.err().contains("concurrence shell"), english.err());
    }
}
