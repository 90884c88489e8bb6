package concurrence.lesson;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lessons are written anew: no prose sentence of the notebook appears in them word for word.
 * The notebook is not in the repository; its sentences are, in {@code notebook-sentences.txt}.
 */
@DisplayName("Aucune leçon ne recopie le notebook")
class NotebookSentencesTest {
    private static final int MIN_WORDS = 6;

    /** Lower case, no Markdown marks, links reduced to their text, one space between words. */
    static String normalize(String text) {
        return text.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                .replaceAll("[*`~_]", "")
                .replace('’', '\'')
                .replace('\u00a0', ' ').replace('\u202f', ' ')
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT)
                .strip();
    }

    static long words(String sentence) {
        return Arrays.stream(sentence.split("\\s+")).filter(w -> w.codePoints().anyMatch(Character::isLetterOrDigit)).count();
    }

    static List<String> sentences() throws IOException {
        try (InputStream in = NotebookSentencesTest.class.getResourceAsStream("/notebook-sentences.txt")) {
            assertTrue(in != null, "notebook-sentences.txt is a test resource");
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#") || words(s) < MIN_WORDS) continue;
                // the end of a sentence (".", " !", " :") may be punctuated otherwise in a lesson
                out.add(normalize(s).replaceAll("[\\s.!?:;…]+$", ""));
            }
            return out;
        }
    }

    @Test
    @DisplayName("la liste des phrases du notebook est là et assez longue pour servir")
    void sentencesAreThere() throws IOException {
        assertTrue(sentences().size() >= 30, "the notebook has some forty prose sentences of six words or more");
    }

    @Test
    @DisplayName("aucune page, en français ni en anglais, ne contient une phrase du notebook")
    void noLessonCopiesASentence() throws IOException {
        List<String> sentences = sentences();
        List<String> copies = new ArrayList<>();
        for (String language : CourseLoader.LANGUAGES) {
            Path dir = RealLessonsTest.root().resolve(language);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    String text = normalize(Files.readString(file));
                    for (String s : sentences) if (text.contains(s)) copies.add(file.getFileName() + " (" + language + "): " + s);
                }
            }
        }
        assertEquals(List.of(), copies);
    }

    @Test
    @DisplayName("la comparaison trouverait bien une phrase recopiée, même autrement mise en forme")
    void theCheckWouldCatchACopy() throws IOException {
        String copied = "Comme dit le notebook : les tâches *CPU-bound*,\nqui dépendent   surtout du CPU, sont lentes.";
        assertTrue(sentences().stream().anyMatch(s -> normalize(copied).contains(s)));
    }
}
