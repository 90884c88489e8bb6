package concurrence.shell;

import concurrence.engine.Board;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import concurrence.i18n.Messages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Les lignes redessinées pendant une expérience")
class LiveLinesTest {
    private final Messages fr = Messages.of("fr");

    private static Board.Snapshot snapshot(int workers) {
        ExperimentSpec spec = ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.IO);
        List<Board.WorkerRow> rows = new ArrayList<>();
        for (int w = 0; w < workers; w++)
            rows.add(new Board.WorkerRow(w, "ThreadPool-" + w, 0, w == 0 ? Board.State.DONE : Board.State.RUNNING, w == 0 ? -1 : w,
                    0.5, 500_000_000L, w == 0 ? 1 : 0));
        return new Board.Snapshot(Optional.of(spec), 620_000_000L, rows, workers, 1, 5, -1, List.of(), List.of(), Optional.empty());
    }

    @Test
    @DisplayName("un titre puis une ligne par worker, sa barre et sa tâche")
    void oneLinePerWorker() {
        List<String> lines = LiveLines.render(snapshot(3), 10, 80, true, fr);
        assertEquals(4, lines.size());
        assertEquals("threads · io · jvm   620 ms   1/5 tâches", lines.get(0));
        assertTrue(lines.get(1).startsWith("  ThreadPool-0  ██████") && lines.get(1).endsWith("fini (1)"), lines.get(1));
        assertTrue(lines.get(2).contains("█░") && lines.get(2).endsWith(" 50 %  tâche 1"), lines.get(2));
        for (String l : lines) assertTrue(l.length() < 80, l);
    }

    @Test
    @DisplayName("en ASCII sur un terminal qui n'est pas en UTF-8")
    void ascii() {
        assertTrue(LiveLines.render(snapshot(2), 10, 80, false, fr).get(2).contains("#."), "ascii bar");
    }

    @Test
    @DisplayName("trop de workers pour la hauteur : les premiers, puis combien d'autres")
    void tooManyWorkers() {
        List<String> lines = LiveLines.render(snapshot(50), 6, 80, true, fr);
        assertEquals(6, lines.size());
        assertEquals("  … et 46 autres workers", lines.get(5));
    }

    @Test
    @DisplayName("ne plante pas sur un terminal de 0×0, 1×1 ou très étroit")
    void tinyTerminals() {
        assertEquals(List.of(), LiveLines.render(snapshot(3), 0, 0, true, fr));
        assertEquals(List.of(), LiveLines.render(snapshot(3), 1, 1, true, fr));
        for (int width = 2; width < 30; width++)
            for (String l : LiveLines.render(snapshot(3), 5, width, true, fr)) assertTrue(l.length() < width, width + ": " + l);
        assertEquals(List.of(), LiveLines.render(Board.Snapshot.EMPTY, 10, 80, true, fr));
    }

    @Test
    @DisplayName("une expérience annulée : les workers disent « arrêté », pas « fini »")
    void cancelledSaysStopped() {
        var s = snapshot(2);
        var result = new concurrence.engine.RunResult(s.spec().get(), 1, concurrence.engine.CpuTimes.ZERO, List.of(), List.of(),
                concurrence.engine.Memory.UNKNOWN, 1, 1, 2, List.of(), true, -1);
        var done = new Board.Snapshot(s.spec(), s.elapsedNanos(), List.of(new Board.WorkerRow(0, "w0", 0, Board.State.DONE, -1, 0, 0, 2)),
                1, 2, 5, -1, List.of(), List.of(), Optional.of(result));
        String line = LiveLines.render(done, 10, 80, true, fr).get(1);
        assertTrue(line.endsWith("arrêté (2 faites)") && line.contains("░░░"), line);
    }
}
