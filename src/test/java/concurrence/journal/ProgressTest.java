package concurrence.journal;

import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("La progression relue du journal")
class ProgressTest {
    @Test
    @DisplayName("donne les pages vues dans l'ordre, la dernière page regardée et les résultats de chaque page")
    void foldsVisitsAndRuns() {
        var m = Samples.measurement(StrategyKind.THREADS, TaskKind.IO, RuntimeKind.JVM, 1.0);
        List<Entry> entries = List.of(
                new Entry.Visit(Instant.EPOCH, new PageRef(0, "bienvenue")),
                new Entry.Visit(Instant.EPOCH, new PageRef(4, "threads-io")),
                Samples.run("a", new PageRef(4, "threads-io"), m),
                Samples.run("a", new PageRef(4, "threads-io"), m),
                Samples.run("b", null, m),
                new Entry.Visit(Instant.EPOCH, new PageRef(2, "outils")));
        Progress p = Progress.of(entries);
        assertEquals(List.of(new PageRef(0, "bienvenue"), new PageRef(2, "outils"), new PageRef(4, "threads-io")), p.pagesSeen());
        assertEquals(Optional.of(new PageRef(2, "outils")), p.lastPage());
        assertEquals(2, p.resultsPerPage().get(4).size());
        assertEquals(2, p.resultCount());
        assertTrue(p.seen(4));
        assertFalse(p.seen(3));
    }
}
