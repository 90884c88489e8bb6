package concurrence.shell;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("La complétion par Tab")
class CompletionTest {
    private static final List<Integer> PAGES = List.of(0, 1, 2, 15);

    @Test
    @DisplayName("complète les commandes, en français, en anglais, et sans accents")
    void commands() {
        List<String> c = Completion.candidates(List.of(), PAGES);
        for (String name : List.of("pages", "lancer", "run", "résultats", "resultats", "précédente", "precedente", "quitter", "exit"))
            assertTrue(c.contains(name), name);
    }

    @Test
    @DisplayName("puis les stratégies, les tâches, les options et les environnements")
    void experimentWords() {
        assertTrue(Completion.candidates(List.of("run"), PAGES).containsAll(List.of("threads", "sequential", "virtual-threads", "1", "--scale")));
        assertEquals(List.of("io", "cpu"), Completion.candidates(List.of("lancer", "threads"), PAGES));
        assertTrue(Completion.candidates(List.of("lancer", "threads", "io"), PAGES).containsAll(List.of("--tasks", "--workers", "--runtime")));
        assertEquals(List.of("jvm", "jvm+gil", "python", "python-ft"), Completion.candidates(List.of("run", "threads", "io", "--runtime"), PAGES));
        assertEquals(List.of(), Completion.candidates(List.of("run", "threads", "io", "--tasks"), PAGES), "a number comes next");
        assertTrue(Completion.candidates(List.of("comparer", "threads", "cpu"), PAGES).contains("jvm+gil"));
        assertEquals(List.of("--runtime", "--scale"), Completion.candidates(List.of("lancer", "2"), PAGES));
    }

    @Test
    @DisplayName("les numéros de page, les formats d'export, rien après une commande inconnue")
    void pagesAndFormats() {
        assertEquals(List.of("0", "1", "2", "15"), Completion.candidates(List.of("page"), PAGES));
        assertEquals(List.of("0", "1", "2", "15"), Completion.candidates(List.of("show"), PAGES));
        assertEquals(List.of("markdown", "csv", "json", "table"), Completion.candidates(List.of("exporter"), PAGES));
        assertEquals(List.of(), Completion.candidates(List.of("frobnicate"), PAGES));
    }
}
