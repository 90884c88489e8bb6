package concurrence.lesson;

import concurrence.i18n.Messages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Le chargeur de leçons, devant des pages fautives")
class CourseLoaderErrorsTest {
    private static final Messages EN = Messages.of("en");
    private static final int KEY = Pages.FENCE_LINE + 1;

    @TempDir Path root;

    /** Loads a French course whose only page is {@code text}; returns its problems as printed. */
    private List<String> problemsOf(String text) {
        Pages.write(root, "fr", "05-threads-cpu.md", text);
        Course course = CourseLoader.load(root, "fr", EN);
        assertTrue(course.lessons().isEmpty(), "a page with a problem is left out");
        return course.problems().stream().map(Course.Problem::toString).toList();
    }

    private String file() { return root.resolve("fr").resolve("05-threads-cpu.md").toString(); }

    /** The one problem of the page: at {@code line}, starting with {@code message}. */
    private void assertOneProblem(String text, int line, String message) {
        List<String> problems = problemsOf(text);
        assertEquals(1, problems.size(), () -> "one problem expected: " + problems);
        String where = file() + ":" + line + ": ";
        assertTrue(problems.get(0).startsWith(where + message), () -> "expected «" + where + message + "…», got «" + problems.get(0) + "»");
    }

    @Nested
    @DisplayName("dans un bloc experiment")
    class InAnExperimentBlock {
        @Test
        @DisplayName("une stratégie inconnue est signalée à sa ligne, avec son nom")
        void unknownStrategy() {
            assertOneProblem(Pages.withExperiment("task: cpu", "compare: thread, sequential"), KEY + 1, "unknown strategy \"thread\"");
        }

        @Test
        @DisplayName("une clé inconnue est signalée")
        void unknownKey() {
            assertOneProblem(Pages.withExperiment("task: io", "compare: threads", "colour: blue"), KEY + 2, "unknown key \"colour\"");
        }

        @Test
        @DisplayName("une ligne sans deux-points est signalée")
        void notKeyValue() {
            assertOneProblem(Pages.withExperiment("task: io", "compare: threads", "tasks 5"), KEY + 2, "\"tasks 5\" is not of the form key: value");
        }

        @Test
        @DisplayName("une clé donnée deux fois est signalée à la seconde")
        void duplicateKey() {
            assertOneProblem(Pages.withExperiment("task: io", "compare: threads", "tasks: 5", "tasks: 6"), KEY + 3,
                    "key \"tasks\" given twice (already on line " + (KEY + 2) + ")");
        }

        @Test
        @DisplayName("les commentaires et les lignes vides sont permis")
        void commentsAndBlankLines() {
            Pages.write(root, "fr", "05-threads-cpu.md", Pages.withExperiment("# un commentaire", "", "task: io", "compare: threads"));
            Course course = CourseLoader.load(root, "fr", EN);
            assertEquals(List.of(), course.problems());
            assertEquals(1, course.lessons().get(0).experiments().size());
        }

        @Test
        @DisplayName("un run sans tâche est signalé à la ligne de la clôture ouvrante")
        void runWithoutTask() {
            assertOneProblem(Pages.withExperiment("compare: threads"), Pages.FENCE_LINE, "an experiment of kind run must give \"task\"");
        }

        @Test
        @DisplayName("un run sans compare est signalé à la ligne de la clôture ouvrante")
        void runWithoutCompare() {
            assertOneProblem(Pages.withExperiment("task: io"), Pages.FENCE_LINE, "an experiment of kind run must give \"compare\"");
        }

        @Test
        @DisplayName("un bloc machine ne prend pas les clés d'un run")
        void machineWithRunKeys() {
            assertOneProblem(Pages.withExperiment("kind: machine", "tasks: 5"), KEY + 1, "\"tasks\" is only for experiments of kind run");
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(delimiter = '|', value = {
                "kind: race                  | unknown experiment kind \"race\"",
                "task: disk                  | unknown task \"disk\"",
                "runtimes: jvm, pypy         | unknown runtime \"pypy\"",
                "show: timeline, graph       | unknown panel \"graph\"",
                "compare: threads, threads   | \"threads\" appears twice in compare",
                "compare: threads,           | empty item in compare",
                "tasks: 0                    | tasks: \"0\" is not a whole number between 1 and 100000",
                "tasks: 100001               | tasks: \"100001\" is not a whole number between 1 and 100000",
                "tasks: 99999999999999999999 | tasks: \"99999999999999999999\" is not a whole number between 1 and 100000",
                "tasks: five                 | tasks: \"five\" is not a whole number",
                "workers: 10001              | workers: \"10001\" is not a whole number between 1 and 10000",
                "repeat: 101                 | repeat: \"101\" is not a whole number between 1 and 100",
                "scale: 20                   | scale: \"20\" is not a number between 0.001 and 10",
                "scale: 0.0001               | scale: \"0.0001\" is not a number between 0.001 and 10",
                "scale: 0,5                  | scale: \"0,5\" is not a number between",
                "switch-interval-ms: 0.001   | switch-interval-ms: \"0.001\" is not a number between 0.01 and 1000",
                "switch-interval-ms: 2000    | switch-interval-ms: \"2000\" is not a number between 0.01 and 1000",
                "tasks:                      | \"tasks\" has no value",
        })
        @DisplayName("une valeur fausse est signalée à sa ligne")
        void badValue(String line, String message) {
            // the line under test comes first; task and compare follow unless it is one of them (or the kind)
            List<String> keys = new java.util.ArrayList<>(List.of(line));
            if (!line.startsWith("kind:")) {
                if (!line.startsWith("task:")) keys.add("task: io");
                if (!line.startsWith("compare:")) keys.add("compare: threads");
            }
            assertOneProblem(Pages.withExperiment(keys.toArray(String[]::new)), KEY, message);
        }

        @Test
        @DisplayName("un pool de processus a au plus 64 workers")
        void tooManyProcesses() {
            assertOneProblem(Pages.withExperiment("task: io", "compare: processes", "workers: 65"), KEY + 2,
                    "workers: a pool of processes has at most 64 workers, not 65");
        }

        @Test
        @DisplayName("une référence doit nommer une stratégie comparée")
        void referenceNotCompared() {
            assertOneProblem(Pages.withExperiment("task: io", "compare: threads", "reference sequential: wall 5 s"), KEY + 2,
                    "reference for \"sequential\", which the block does not compare (compare: threads)");
        }

        @Test
        @DisplayName("une référence à une stratégie inconnue est signalée")
        void referenceUnknownStrategy() {
            assertOneProblem(Pages.withExperiment("task: io", "compare: threads", "reference thread: wall 1 s"), KEY + 2,
                    "unknown strategy \"thread\"");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "wall 1,5 s     | \"1,5 s\" is not a duration",
                "wall 1.5 sec   | \"1.5 sec\" is not a duration",
                "wall 1.5       | \"1.5\" is not a duration",
                "wall s         | \"s\" is not a duration",
                "wall .5 s      | \".5 s\" is not a duration",
                "wall 1 h       | \"1 h\" is not a duration",
                "time 1 s       | unknown figure \"time\"",
                "wall 1 s, wall 2 s | figure \"wall\" given twice",
                "runs seven     | runs: \"seven\" is not a whole number",
                "wall           | \"wall\" is not a notebook figure",
        })
        @DisplayName("une durée ou un chiffre faux dans une référence est signalé")
        void badReference(String figures, String message) {
            assertOneProblem(Pages.withExperiment("task: io", "compare: threads", "reference threads: " + figures), KEY + 2, message);
        }

        @Test
        @DisplayName("tous les problèmes d'un bloc sont listés, pas seulement le premier")
        void everyProblemIsListed() {
            List<String> problems = problemsOf(Pages.withExperiment("task: disk", "compare: thread", "tasks: 0"));
            assertEquals(3, problems.size(), problems::toString);
            assertTrue(problems.get(0).startsWith(file() + ":" + KEY + ": "), problems::toString);
            assertTrue(problems.get(1).startsWith(file() + ":" + (KEY + 1) + ": "), problems::toString);
            assertTrue(problems.get(2).startsWith(file() + ":" + (KEY + 2) + ": "), problems::toString);
        }

        @Test
        @DisplayName("plus de trois blocs experiment sur une page est une erreur, au quatrième")
        void tooManyBlocks() {
            String block = "```experiment\nkind: machine\n```\n\n";
            String text = "---\ntitle: T\nsummary: S\n---\n\n" + block.repeat(4);
            // blocks open on lines 6, 10, 14, 18
            assertOneProblem(text, 18, "more than 3 experiment blocks on one page");
        }

        @Test
        @DisplayName("un bloc experiment dans une liste est une erreur")
        void nestedBlock() {
            String text = "---\ntitle: T\nsummary: S\n---\n\n- un point\n\n  ```experiment\n  kind: machine\n  ```\n";
            assertOneProblem(text, 8, "an experiment block stands at the top level of the page");
        }
    }

    @Nested
    @DisplayName("dans l'en-tête")
    class InTheFrontMatter {
        @Test
        @DisplayName("une page sans en-tête est signalée à la ligne 1")
        void missing() {
            assertOneProblem("# Titre\n\nDu texte.\n", 1, "a page starts with its front matter");
        }

        @Test
        @DisplayName("un en-tête jamais fermé est signalé à la ligne 1")
        void unclosed() {
            assertOneProblem("---\ntitle: T\nsummary: S\n\nDu texte.\n", 1, "the front matter opened by --- is never closed");
        }

        @Test
        @DisplayName("une clé inconnue est une erreur")
        void unknownKey() {
            assertOneProblem("---\ntitle: T\nsummary: S\nauthor: moi\n---\n\nDu texte.\n", 4, "unknown key \"author\" in the front matter");
        }

        @Test
        @DisplayName("title et summary sont obligatoires")
        void required() {
            List<String> problems = problemsOf("---\nnotebook: cellule 1\n---\n\nDu texte.\n");
            assertEquals(List.of(file() + ":3: the front matter must give \"title\"",
                    file() + ":3: the front matter must give \"summary\""), problems);
        }

        @Test
        @DisplayName("un titre vide est une erreur")
        void emptyTitle() {
            assertOneProblem("---\ntitle:\nsummary: S\n---\n\nDu texte.\n", 2, "\"title\" is empty");
        }

        @Test
        @DisplayName("une clé en double est une erreur")
        void duplicate() {
            assertOneProblem("---\ntitle: T\nsummary: S\ntitle: U\n---\n\nDu texte.\n", 4, "key \"title\" given twice (already on line 2)");
        }
    }

    @Nested
    @DisplayName("dans le texte")
    class InTheText {
        @Test
        @DisplayName("une page vide est une erreur")
        void emptyPage() {
            List<String> problems = problemsOf("---\ntitle: T\nsummary: S\n---\n\n");
            assertEquals(List.of(file() + ": the page has no text after its front matter"), problems);
        }

        @Test
        @DisplayName("un bloc HTML est une erreur, à sa ligne")
        void htmlBlock() {
            assertOneProblem("---\ntitle: T\nsummary: S\n---\n\nDu texte.\n\n<div>\nun bloc\n</div>\n", 8, "no raw HTML in a lesson: \"<div>\"");
        }

        @Test
        @DisplayName("du HTML dans un paragraphe est une erreur, à sa ligne")
        void htmlInline() {
            assertOneProblem("---\ntitle: T\nsummary: S\n---\n\nDu texte\net un saut<br>de ligne.\n", 7, "no raw HTML in a lesson: \"<br>\"");
        }

        @Test
        @DisplayName("une image est une erreur")
        void image() {
            assertOneProblem("---\ntitle: T\nsummary: S\n---\n\n![frise](frise.png)\n", 6, "an image cannot be shown in a terminal");
        }

        @Test
        @DisplayName("un fichier qui n'est pas de l'UTF-8 est signalé")
        void notUtf8() throws IOException {
            Path dir = Files.createDirectories(root.resolve("fr"));
            Files.write(dir.resolve("05-threads-cpu.md"), new byte[] {'-', '-', '-', '\n', (byte) 0xE9, '\n'});
            Course course = CourseLoader.load(root, "fr", EN);
            assertEquals(List.of(file() + ": not UTF-8 text"), course.problems().stream().map(Course.Problem::toString).toList());
        }
    }

    @Nested
    @DisplayName("dans le dossier")
    class InTheFolder {
        @ParameterizedTest(name = "{0}")
        @CsvSource({"4-threads.md", "04_threads.md", "04-Threads.md", "04-.md", "104-threads.md"})
        @DisplayName("un nom qui n'est pas NN-slug.md est signalé")
        void badFileName(String name) {
            Pages.write(root, "fr", "00-bienvenue.md", Pages.simple("Bienvenue"));
            Pages.write(root, "fr", name, Pages.simple("Mal nommée"));
            Course course = CourseLoader.load(root, "fr", EN);
            assertEquals(1, course.lessons().size());
            assertEquals(List.of(root.resolve("fr").resolve(name) + ": the name \"" + name + "\" is not of the form NN-slug.md"),
                    course.problems().stream().map(p -> p.toString().replaceFirst(" \\(two digits.*", "")).toList());
        }

        @Test
        @DisplayName("les fichiers qui ne sont pas du Markdown sont ignorés")
        void otherFilesIgnored() {
            Pages.write(root, "fr", "00-bienvenue.md", Pages.simple("Bienvenue"));
            Pages.write(root, "fr", "notes.txt", "pas une page");
            Pages.write(root, "fr", ".00-bienvenue.md.swp", "une sauvegarde d'éditeur");
            Course course = CourseLoader.load(root, "fr", EN);
            assertEquals(List.of(), course.problems());
            assertEquals(1, course.lessons().size());
        }

        @Test
        @DisplayName("deux pages du même numéro : la seconde est signalée et écartée")
        void duplicateNumber() {
            Pages.write(root, "fr", "04-threads-io.md", Pages.simple("A"));
            Pages.write(root, "fr", "04-autre.md", Pages.simple("B"));
            Course course = CourseLoader.load(root, "fr", EN);
            assertEquals(List.of("autre"), course.lessons().stream().map(Lesson::slug).toList());
            assertEquals(List.of(root.resolve("fr").resolve("04-threads-io.md") + ": number 04 is already taken by 04-autre.md"),
                    course.problems().stream().map(Course.Problem::toString).toList());
        }

        @Test
        @DisplayName("un dossier absent est signalé")
        void missingFolder() {
            Course course = CourseLoader.load(root.resolve("nulle-part"), "fr", EN);
            assertEquals(List.of(root.resolve("nulle-part").resolve("fr") + ": no lessons folder here"),
                    course.problems().stream().map(Course.Problem::toString).toList());
        }

        @Test
        @DisplayName("un dossier vide est signalé")
        void emptyFolder() throws IOException {
            Files.createDirectories(root.resolve("fr"));
            Course course = CourseLoader.load(root, "fr", EN);
            assertEquals(List.of(root.resolve("fr") + ": no page (NN-slug.md) in this folder"),
                    course.problems().stream().map(Course.Problem::toString).toList());
        }

        @Test
        @DisplayName("une page cassée n'empêche pas les autres de se charger")
        void oneBrokenPageDoesNotStopTheOthers() {
            Pages.write(root, "fr", "00-bienvenue.md", Pages.simple("Bienvenue"));
            Pages.write(root, "fr", "01-cassee.md", Pages.withExperiment("task: io", "compare: thread"));
            Pages.write(root, "fr", "02-suite.md", Pages.simple("Suite"));
            Course course = CourseLoader.load(root, "fr", EN);
            assertEquals(List.of(0, 2), course.lessons().stream().map(Lesson::number).toList());
            assertEquals(1, course.problems().size());
            assertEquals(root.resolve("fr").resolve("01-cassee.md"), course.problems().get(0).file());
            assertEquals(KEY + 1, course.problems().get(0).line());
        }

        @Test
        @DisplayName("le chemin d'un problème est relatif quand la racine l'est")
        void relativePaths() {
            Pages.write(root, "fr", "05-threads-cpu.md", Pages.withExperiment("task: cpu", "compare: thread"));
            Path relative = Path.of("").toAbsolutePath().relativize(root.toAbsolutePath());
            Course course = CourseLoader.load(relative, "fr", EN);
            assertTrue(course.problems().get(0).toString().startsWith(relative + "/fr/05-threads-cpu.md:" + (KEY + 1) + ": unknown strategy \"thread\""),
                    course.problems()::toString);
        }
    }

    @Nested
    @DisplayName("en anglais")
    class InEnglish {
        @Test
        @DisplayName("une page anglaise absente est remplacée par la française")
        void missingPageFallsBackToFrench() {
            Pages.write(root, "fr", "00-bienvenue.md", Pages.simple("Bienvenue"));
            Pages.write(root, "fr", "01-suite.md", Pages.simple("Suite"));
            Pages.write(root, "en", "00-bienvenue.md", Pages.simple("Welcome"));
            Course course = CourseLoader.load(root, "en");
            assertEquals(List.of(), course.problems());
            assertEquals(List.of("Welcome", "Suite"), course.lessons().stream().map(Lesson::title).toList());
            assertEquals(List.of("en", "fr"), course.lessons().stream().map(Lesson::language).toList());
        }

        @Test
        @DisplayName("sans dossier en/, tout le cours est en français, sans problème")
        void noEnglishFolder() {
            Pages.write(root, "fr", "00-bienvenue.md", Pages.simple("Bienvenue"));
            Course course = CourseLoader.load(root, "en");
            assertEquals(List.of(), course.problems());
            assertEquals("fr", course.lessons().get(0).language());
        }

        @Test
        @DisplayName("une page anglaise cassée est signalée et remplacée par la française")
        void brokenEnglishPageFallsBackToFrench() {
            Pages.write(root, "fr", "00-bienvenue.md", Pages.simple("Bienvenue"));
            Pages.write(root, "en", "00-bienvenue.md", "# no front matter\n");
            Course course = CourseLoader.load(root, "en");
            assertEquals(List.of("Bienvenue"), course.lessons().stream().map(Lesson::title).toList());
            assertEquals(List.of(root.resolve("en").resolve("00-bienvenue.md") + ":1: a page starts with its front matter: a line ---, title: ..., summary: ..., then a line ---"),
                    course.problems().stream().map(Course.Problem::toString).toList());
        }

        @Test
        @DisplayName("les messages sont dans la langue du cours")
        void messagesInTheCourseLanguage() {
            Pages.write(root, "fr", "05-threads-cpu.md", Pages.withExperiment("task: cpu", "compare: thread"));
            assertTrue(CourseLoader.load(root, "fr").problems().get(0).message().startsWith("stratégie inconnue « thread »"));
            assertTrue(CourseLoader.load(root, "en").problems().get(0).message().startsWith("unknown strategy \"thread\""));
        }
    }
}
