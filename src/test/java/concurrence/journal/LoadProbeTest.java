package concurrence.journal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("La mesure de la charge pendant une exécution")
class LoadProbeTest {
    @TempDir Path proc;

    @Test
    @DisplayName("lit les compteurs du noyau : ticks occupés, ticks en tout, cœurs")
    void readsProcStat() throws IOException {
        Files.writeString(proc.resolve("stat"), """
                cpu  100 5 50 1000 20 1 2 3 0 0
                cpu0 50 2 25 500 10 0 1 1 0 0
                cpu1 50 3 25 500 10 1 1 2 0 0
                intr 12345
                """);
        assertArrayEquals(new long[] {161, 1181, 2}, LoadProbe.stat(proc));
        Files.createDirectories(proc.resolve("self"));
        Files.writeString(proc.resolve("self/stat"), "4242 (java (x)) S 1 2 3 4 5 6 7 8 9 10 300 40 7 3 20 0 30 0\n");
        assertEquals(350, LoadProbe.selfTicks(proc));
    }

    @Test
    @DisplayName("compte ce que les autres ont utilisé, en cœurs, sans nous")
    void othersAreWhatIsNotOurs() {
        long[] start = {1000, 10_000, 2};
        // 2 s passed on 2 cores (400 ticks); 300 busy ticks, 200 of them ours: others kept half a core busy.
        assertEquals(0.5, LoadProbe.others(start, new long[] {1300, 10_400, 2}, 200), 1e-9);
        assertEquals(0, LoadProbe.others(start, new long[] {1100, 10_400, 2}, 150), 1e-9, "never below zero");
        assertEquals(-1, LoadProbe.others(start, new long[] {1001, 10_015, 2}, 0), "too short to tell");
    }

    @Test
    @DisplayName("sans /proc, dit qu'elle ne sait pas plutôt que d'inventer")
    void withoutProcSaysUnknown() {
        assertNull(LoadProbe.stat(proc.resolve("missing")));
        Load load = LoadProbe.start(proc.resolve("missing")).stop();
        assertEquals(-1, load.othersCores());
        assertFalse(new Load(0.1, 0.1, -1).busy(2));
        assertTrue(new Load(3, 3, -1).busy(2), "falls back on the load average");
        assertFalse(new Load(3, 3, 0.1).busy(2), "others' share says quiet: the load average counted us");
    }

    @Test
    @DisplayName("donne à chaque exécution la charge des autres pendant la mesure, que les tableaux jugent")
    void putsTheLoadOntoTheRuns() {
        var m = Samples.measurement(concurrence.engine.StrategyKind.THREADS, concurrence.engine.TaskKind.CPU,
                concurrence.engine.RuntimeKind.JVM, 2.5, 2.6);
        var quiet = new Load(1.8, 2.0, 0.05).onto(m);
        assertEquals(0.05, quiet.last().loadAverage(), 1e-9);
        assertEquals(0.05, quiet.runs().get(0).loadAverage(), 1e-9);
        assertEquals(m.meanNanos(), quiet.meanNanos(), 1e-9);
        assertFalse(concurrence.engine.Machine.busy(quiet.last().loadAverage(), 2), "the load average counted the previous turn");
        assertEquals(1.8, new Load(1.8, 2.0, -1).onto(m).last().loadAverage(), 1e-9, "unknown: the load average at the start");
    }

    @Test
    @DisplayName("les descendants : ce qu'ils ont pris pendant la mesure, et une seule fois ceux qui ont fini entre-temps")
    void descendantsCountedOnce() {
        // 7 ran throughout (10 -> 25); 8 ended (its 30 ticks at the start are already counted by
        // whoever waited for it, 9 here, whose count went 5 -> 50); 11 started meanwhile.
        Map<Long, Long> start = Map.of(7L, 10L, 8L, 30L, 9L, 5L);
        Map<Long, Long> stop = Map.of(7L, 25L, 9L, 50L, 11L, 4L);
        assertEquals(15 + 45 + 4 - 30, LoadProbe.descendantsUsed(start, stop));
        assertEquals(0, LoadProbe.descendantsUsed(Map.of(), Map.of()));
    }

    @Test
    @DisplayName("trouve nos descendants par les fichiers children de nos threads, sans parcourir toute la machine")
    void descendantsFromChildrenFiles() throws IOException {
        // This process: two threads, one with children 10 and 11; 10 has a child 12 (a shell's shell).
        write(proc.resolve("self/task/1/children"), "10 11 ");
        write(proc.resolve("self/task/2/children"), "");
        write(proc.resolve("10/task/10/children"), "12");
        write(proc.resolve("11/task/11/children"), "");
        write(proc.resolve("12/task/12/children"), "");
        assertEquals(java.util.Optional.of(List.of(10L, 12L, 11L)), LoadProbe.descendants(proc, "self").map(l -> l.stream().toList()));
        assertEquals(java.util.Optional.empty(), LoadProbe.descendants(proc.resolve("missing"), "self"), "no such files: empty, not 'none'");
    }

    @Test
    @DisplayName("nos descendants réels : un sleep lancé est trouvé")
    void findsARealChild() throws Exception {
        Process p = new ProcessBuilder("sleep", "5").start();
        try {
            var found = LoadProbe.descendants(Path.of("/proc"), "self");
            org.junit.jupiter.api.Assumptions.assumeTrue(found.isPresent(), "this kernel keeps no children files");
            assertTrue(found.get().contains(p.pid()), found.get() + " should hold " + p.pid());
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
