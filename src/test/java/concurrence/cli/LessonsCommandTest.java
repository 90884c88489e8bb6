package concurrence.cli;

import concurrence.lesson.CourseLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("La commande concurrence lessons")
@Timeout(30)
class LessonsCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of())
                .run(args);
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    private static Path realLessons() { return CourseLoader.defaultRoot(); }

    /** A copy of the real course, to break. */
    private static Path copyOfTheCourse(Path target) throws IOException {
        for (String language : CourseLoader.LANGUAGES) {
            Path dir = Files.createDirectories(target.resolve(language));
            try (Stream<Path> files = Files.list(realLessons().resolve(language))) {
                files.forEach(f -> {
                    try {
                        Files.copy(f, dir.resolve(f.getFileName().toString()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return target;
    }

    @Nested
    @DisplayName("avec --check")
    class Check {
        @Test
        @DisplayName("sort avec 0 et une ligne de bilan sur les leçons du dépôt")
        void realLessonsPass() {
            assertEquals(Cli.OK, run("lessons", "--check"), err());
            assertEquals(1, out().lines().count(), out());
            assertTrue(out().contains("aucun problème"), out());
        }

        @Test
        @DisplayName("parle anglais avec --lang en")
        void inEnglish() {
            assertEquals(Cli.OK, run("lessons", "--check", "--lang", "en"), err());
            assertTrue(out().contains("16 pages in French, 16 in English"), out());
        }

        @Test
        @DisplayName("sort avec 1 et nomme fichier et ligne sur un dossier cassé")
        void brokenFolderFails(@TempDir Path tmp) throws IOException {
            Path course = copyOfTheCourse(tmp.resolve("cours"));
            Path page = course.resolve("fr").resolve("05-threads-cpu.md");
            Files.writeString(page, Files.readString(page).replace("compare: threads, sequential", "compare: thread, sequential"));
            int line = Files.readAllLines(page).indexOf("compare: thread, sequential") + 1;
            assertEquals(Cli.FAILED, run("lessons", "--check", "--lessons", course.toString(), "--lang", "en"));
            assertTrue(out().contains(page + ":" + line + ": unknown strategy \"thread\""), out());
            assertTrue(out().lines().anyMatch(l -> l.startsWith("1 problem(s) in ")), out());
        }

        @Test
        @DisplayName("signale une page anglaise qui manque, et un bloc qui diffère entre les langues")
        void languagesMustMatch(@TempDir Path tmp) throws IOException {
            Path course = copyOfTheCourse(tmp.resolve("cours"));
            Files.delete(course.resolve("en").resolve("03-threading.md"));
            Path page = course.resolve("en").resolve("04-threads-io.md");
            Files.writeString(page, Files.readString(page).replace("tasks: 5", "tasks: 6"));
            int fence = Files.readAllLines(page).indexOf("```experiment") + 1;
            assertEquals(Cli.FAILED, run("lessons", "--check", "--lessons", course.toString(), "--lang", "en"));
            assertTrue(out().contains(course.resolve("fr").resolve("03-threading.md") + ": no English page (expected: "
                    + course.resolve("en").resolve("03-threading.md") + ")"), out());
            assertTrue(out().contains(page + ":" + fence + ": this experiment block differs from the French page's ("
                    + course.resolve("fr").resolve("04-threads-io.md") + ":"), out());
            assertTrue(out().contains("): tasks"), out());
        }
    }

    @Nested
    @DisplayName("sans --check")
    class List {
        @Test
        @DisplayName("liste les pages avec leur numéro, leur titre, leur résumé et leurs expériences")
        void listsThePages() {
            assertEquals(Cli.OK, run("lessons"), err());
            assertTrue(out().contains("04  Threads et tâches IO-bound"), out());
            assertTrue(out().contains("▸ threads, sequential · io · 5×5 · python, jvm+gil, jvm"), out());
            assertTrue(out().contains("▸ cette machine"), out());
        }

        @Test
        @DisplayName("liste le cours anglais avec --lang en")
        void english() {
            assertEquals(Cli.OK, run("lessons", "--lang", "en"), err());
            assertTrue(out().contains("04  Threads and IO-bound tasks"), out());
            assertTrue(out().contains("scale 0.3"), out());
        }

        @Test
        @DisplayName("liste les pages saines d'un dossier cassé, signale les autres et sort avec 1")
        void brokenPage(@TempDir Path tmp) throws IOException {
            Path course = copyOfTheCourse(tmp.resolve("cours"));
            Files.writeString(course.resolve("fr").resolve("05-threads-cpu.md"), "pas d'en-tête\n");
            assertEquals(Cli.FAILED, run("lessons", "--lessons", course.toString()));
            assertTrue(out().contains("04  Threads et tâches IO-bound"), out());
            assertTrue(out().contains("06  Le GIL"), out());
            assertTrue(err().contains(course.resolve("fr").resolve("05-threads-cpu.md") + ":1: "), err());
        }
    }

    @Nested
    @DisplayName("avec de mauvaises options")
    class BadOptions {
        @Test
        @DisplayName("une option inconnue donne un message et le code 2")
        void unknownOption() {
            assertEquals(Cli.USAGE, run("lessons", "--chek"));
            assertTrue(err().contains("--chek"), err());
        }

        @Test
        @DisplayName("une langue inconnue donne un message et le code 2")
        void unknownLanguage() {
            assertEquals(Cli.USAGE, run("lessons", "--lang", "de"));
            assertTrue(err().contains("de"), err());
        }

        @Test
        @DisplayName("un dossier qui n'existe pas donne un message et le code 2")
        void missingFolder(@TempDir Path tmp) {
            assertEquals(Cli.USAGE, run("lessons", "--lessons", tmp.resolve("nulle-part").toString()));
            assertTrue(err().contains("nulle-part"), err());
        }

        @Test
        @DisplayName("un argument en trop donne un message et le code 2")
        void extraArgument() {
            assertEquals(Cli.USAGE, run("lessons", "encore"));
            assertTrue(err().contains("encore"), err());
        }
    }
}
