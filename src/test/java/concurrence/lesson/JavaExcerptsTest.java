package concurrence.lesson;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java the pages show is this app's own code: every line of a {@code java} block, under a
 * {@code // engine/...java} comment naming its file, is found in that file (spaces aside, and a
 * line may be a piece of a longer source line, since pages wrap at 70 columns). Comments are
 * the pages' own words, in their language, and are not compared.
 */
@DisplayName("Les extraits Java des pages")
class JavaExcerptsTest {
    private static final Path SOURCES = Path.of("src/main/java/concurrence");
    private static final Pattern FILE = Pattern.compile("^//\\s*((?:engine|tui|lesson|journal|report|cli)/\\S+\\.java)\\b.*");

    @Test
    @DisplayName("chaque ligne d'un extrait Java se trouve dans le fichier qu'il nomme")
    void excerptsAreTheRealCode() throws IOException {
        Map<String, String> sources = new HashMap<>();
        List<String> stale = new ArrayList<>();
        int checked = 0;
        for (String language : List.of("fr", "en")) {
            List<Path> pages;
            try (Stream<Path> s = Files.list(Path.of("lessons", language))) {
                pages = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
            }
            for (Path page : pages) {
                List<String> lines = Files.readAllLines(page);
                boolean inJava = false;
                String file = null;
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.startsWith("```")) {
                        inJava = !inJava && line.trim().equals("```java");
                        file = null;
                        continue;
                    }
                    if (!inJava) continue;
                    String code = line.trim();
                    Matcher m = FILE.matcher(code);
                    if (m.matches()) {
                        file = m.group(1);
                        continue;
                    }
                    code = withoutComment(code);
                    if (code.isEmpty() || file == null) continue;
                    String source = sources.computeIfAbsent(file, JavaExcerptsTest::normalizedSource);
                    checked++;
                    if (!source.contains(normalized(code))) stale.add(page + ":" + (i + 1) + " (" + file + "): " + code);
                }
            }
        }
        assertTrue(checked > 100, "lines checked: " + checked);
        assertEquals(List.of(), stale, "lines not found in the file they name");
    }

    /** The code before a trailing {@code //} comment that is not inside a string. */
    private static String withoutComment(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length() - 1; i++) {
            char c = line.charAt(i);
            if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) inString = !inString;
            if (!inString && c == '/' && line.charAt(i + 1) == '/') return line.substring(0, i).trim();
        }
        return line;
    }

    private static String normalized(String code) { return code.replaceAll("\\s+", ""); }

    private static String normalizedSource(String file) {
        try {
            return normalized(Files.readString(SOURCES.resolve(file)));
        } catch (IOException e) {
            return "";   // a page naming a file that is not there: every line of it is reported
        }
    }
}
