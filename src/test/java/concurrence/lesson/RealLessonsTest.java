package concurrence.lesson;

import concurrence.i18n.Messages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The course of this repository, read where surefire says it is (the {@code concurrence.lessons}
 * property, set to {@code ${project.basedir}/lessons} in the pom).
 */
@DisplayName("Les leçons du dépôt")
class RealLessonsTest {
    static Path root() {
        Path root = CourseLoader.defaultRoot();
        assertTrue(Files.isDirectory(root.resolve("fr")), () -> "no lessons at " + root);
        return root;
    }

    private static List<String> names(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
        }
    }

    @Test
    @DisplayName("toutes les pages françaises se lisent sans aucun problème")
    void frenchPagesParse() throws Exception {
        Course fr = CourseLoader.load(root(), "fr");
        assertEquals(List.of(), fr.problems());
        assertEquals(names(root().resolve("fr")).size(), fr.lessons().size());
        assertTrue(fr.lessons().size() >= 16, "the issue asks for pages 00 to 15 at least");
    }

    @Test
    @DisplayName("toutes les pages anglaises se lisent sans aucun problème, sans repli sur le français")
    void englishPagesParse() throws Exception {
        Course en = CourseLoader.load(root(), "en");
        assertEquals(List.of(), en.problems());
        assertEquals(names(root().resolve("en")).size(), en.lessons().size());
        assertTrue(en.lessons().stream().allMatch(l -> l.language().equals("en")), "every English page exists");
    }

    @Test
    @DisplayName("le français et l'anglais ont les mêmes pages, expériences et références")
    void languagesMatch() throws Exception {
        assertEquals(names(root().resolve("fr")), names(root().resolve("en")));
        CourseCheck check = CourseLoader.check(root(), Messages.of("en"));
        assertEquals(List.of(), check.problems());
        Course fr = check.french();
        Course en = check.english();
        for (int i = 0; i < fr.lessons().size(); i++) {
            List<ExperimentDecl> a = fr.lessons().get(i).experiments();
            List<ExperimentDecl> b = en.lessons().get(i).experiments();
            assertEquals(a.size(), b.size(), fr.lessons().get(i).slug());
            for (int k = 0; k < a.size(); k++) {
                assertEquals(List.of(), CourseCheck.differences(a.get(k), b.get(k)), fr.lessons().get(i).slug());
                assertEquals(a.get(k).references(), b.get(k).references(), fr.lessons().get(i).slug());
            }
        }
    }

    @Test
    @DisplayName("chaque page a du texte, et au plus trois blocs experiment")
    void everyPageHasText() {
        for (Lesson page : CourseLoader.load(root(), "fr").lessons()) {
            assertTrue(page.blocks().stream().anyMatch(b -> b instanceof Block.Paragraph), page.slug());
            assertTrue(page.experiments().size() <= 3, page.slug());
        }
    }

    @Test
    @DisplayName("la copie des leçons embarquée avec les classes est la même que celle du dépôt")
    void bundledCopy() {
        assumeTrue(System.getProperty(CourseLoader.ROOT_PROPERTY) != null, "the repository's lessons are named by the property");
        Path bundled = CourseLoader.bundledRoot();
        assertFalse(bundled.equals(root()), "the bundled copy is another folder");
        for (String language : CourseLoader.LANGUAGES) {
            Course fromBundle = CourseLoader.load(bundled, language);
            Course fromRepo = CourseLoader.load(root(), language);
            assertEquals(List.of(), fromBundle.problems());
            assertEquals(fromRepo.lessons().stream().map(Lesson::title).toList(),
                    fromBundle.lessons().stream().map(Lesson::title).toList());
            assertEquals(fromRepo.lessons().stream().map(Lesson::blocks).toList(),
                    fromBundle.lessons().stream().map(Lesson::blocks).toList());
        }
    }
}
