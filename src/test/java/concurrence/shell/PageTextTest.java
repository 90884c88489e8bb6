package concurrence.shell;

import concurrence.engine.ExperimentSpec;
import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import concurrence.i18n.Messages;
import concurrence.lesson.Block;
import concurrence.lesson.CourseLoader;
import concurrence.lesson.ExperimentDecl;
import concurrence.lesson.Inline;
import concurrence.lesson.Lesson;
import concurrence.lesson.Reference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Une page en texte simple")
class PageTextTest {
    private final Messages fr = Messages.of("fr");

    private static Lesson page() {
        var ref = new Reference(OptionalLong.of(1_000_000_000L), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalInt.empty());
        var decl = new ExperimentDecl(30, ExperimentDecl.Kind.RUN, TaskKind.IO, List.of(StrategyKind.THREADS, StrategyKind.SEQUENTIAL),
                5, 5, List.of(RuntimeKind.PYTHON, RuntimeKind.JVM), 1, 1.0, ExperimentSpec.DEFAULT_SWITCH_INTERVAL, Set.of(),
                Map.of(StrategyKind.THREADS, ref));
        return new Lesson(4, "threads-io", "fr", Path.of("04-threads-io.md"), "Threads et tâches IO-bound",
                "cinq attentes d'une seconde", "cellules 2-4", List.of(
                new Block.Heading(2, List.of(Inline.plain("Et le temps CPU ?"))),
                new Block.Paragraph(List.of(Inline.plain("Avec cinq threads, les cinq attentes commencent presque ensemble et finissent "
                        + "presque ensemble : une seconde en tout, soit 1 s au lieu de 5 s. Voir "),
                        new Inline("la PEP 703", Inline.Style.LINK, "https://peps.python.org/pep-0703/"), Inline.plain("."))),
                new Block.ListBlock(false, 1, List.of(List.of(new Block.Paragraph(List.of(Inline.plain(
                        "une puce assez longue pour être repliée sur deux lignes au moins, avec un retrait")))))),
                new Block.Code("python", "import time\ntime.sleep(1)   # une ligne de code bien plus longue que la largeur du terminal ne se replie pas\n"),
                new Block.Experiment(decl),
                new Block.Rule()));
    }

    @Test
    @DisplayName("titre souligné, texte replié à la largeur, code indenté de quatre espaces et jamais replié")
    void shapes() {
        List<String> lines = PageText.lines(page(), 40, fr);
        assertEquals("Page 4 : Threads et tâches IO-bound", lines.get(0));
        assertEquals("=".repeat(lines.get(0).length()), lines.get(1));
        assertTrue(lines.contains("Et le temps CPU ?"), lines::toString);
        assertTrue(lines.contains("-----------------"), lines::toString);
        for (String l : lines) if (!l.startsWith("    ")) assertTrue(l.length() <= 40, "wrapped: «" + l + "»");
        assertTrue(lines.contains("Python :"));
        assertTrue(lines.contains("    import time"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("    time.sleep(1)") && l.length() > 40), "code is never wrapped");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("- une puce")), lines::toString);
        int bullet = lines.indexOf(lines.stream().filter(l -> l.startsWith("- une puce")).findFirst().orElseThrow());
        assertTrue(lines.get(bullet + 1).startsWith("  ") && !lines.get(bullet + 1).startsWith("   "), "hanging indent: " + lines.get(bullet + 1));
        assertTrue(String.join(" ", lines).contains("<https://peps.python.org/pep-0703/>"), "links show their address");
    }

    @Test
    @DisplayName("une expérience est décrite en une phrase : ce qu'elle compare, le carnet, et comment la lancer")
    void experimentDescribed() {
        String text = String.join(" ", PageText.lines(page(), 200, fr));
        assertTrue(text.contains("[Expérience 1] Tâches io, stratégies comparées : threads, sequential ; 5 tâches, 5 workers"), text);
        assertTrue(text.contains("Le carnet mesurait : threads 1 s."), text);
        assertTrue(text.contains("Tapez « lancer » pour la lancer."), text);
    }

    @Test
    @DisplayName("la ponctuation française et les unités restent avec leur mot")
    void frenchPunctuationStays() {
        for (int width = 20; width <= 60; width++)
            for (String l : PageText.lines(page(), width, fr)) {
                String t = l.strip();
                assertFalse(t.startsWith(":") || t.startsWith(";") || t.startsWith("»") || t.equals("s") || t.startsWith("s au"),
                        "width " + width + ": «" + l + "»");
            }
    }

    @Test
    @DisplayName("chaque vraie page du cours se lit, même sur un terminal de 20 colonnes")
    void everyRealPageRenders() {
        var course = CourseLoader.load(CourseLoader.defaultRoot(), "fr");
        assertFalse(course.lessons().isEmpty());
        for (Lesson l : course.lessons())
            for (int width : new int[] {0, 1, 20, 80}) {
                List<String> lines = PageText.lines(l, width, fr);
                assertTrue(lines.size() > 3, l.slug());
                for (String line : lines)
                    if (!line.startsWith("    ") && !line.contains("    ")) assertTrue(line.length() <= Math.max(20, width), l.slug() + ": " + line);
            }
    }
}
