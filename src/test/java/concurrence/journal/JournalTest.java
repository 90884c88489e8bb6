package concurrence.journal;

import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import concurrence.i18n.Messages;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Le journal des résultats")
class JournalTest {
    private final Messages fr = Messages.of("fr");

    @TempDir Path tmp;

    @Test
    @DisplayName("relit chaque exécution avec son expérience, sa page, sa machine, sa charge et le chiffre du carnet")
    void readsBackWhatItWrote() throws IOException {
        Journal j = Journal.open(tmp.resolve("state/concurrence"), fr);
        assertTrue(j.available(), () -> j.problem().orElse(""));
        var m = Samples.measurement(StrategyKind.THREADS, TaskKind.CPU, RuntimeKind.JVM_GIL, 5.1, 5.3, 5.2);
        var run = new Entry.Run(Instant.parse("2026-03-02T09:15:02.114Z"), "shell", "b1", Optional.of(new PageRef(5, "threads-cpu")),
                Samples.FACTS, new Load(0.3, 1.2, 0.1), m, Optional.of(Samples.wall(6.01)));
        j.append(run);
        j.append(new Entry.Visit(Instant.parse("2026-03-02T09:16:00Z"), new PageRef(6, "gil")));

        Journal.Contents c = j.read();
        assertEquals(List.of(), c.warnings());
        assertEquals(2, c.entries().size());
        Entry.Run back = assertInstanceOf(Entry.Run.class, c.entries().get(0));
        assertEquals(run.date(), back.date());
        assertEquals(run.page(), back.page());
        assertEquals("b1", back.batch());
        assertEquals(m.spec(), back.measurement().spec());
        assertEquals(3, back.measurement().runs().size());
        assertEquals(m.meanNanos(), back.measurement().meanNanos(), 1e3);
        assertEquals(m.last().cpu().userNanos(), back.measurement().last().cpu().userNanos(), 1e3);
        assertEquals(m.last().idealNanos(), back.measurement().last().idealNanos());
        assertEquals(m.last().timeline(), back.measurement().last().timeline());
        assertEquals(m.last().handoffs(), back.measurement().last().handoffs());
        assertEquals(Samples.MACHINE, back.machine().machine());
        assertEquals(Map.of("python", "3.12.1"), back.machine().python());
        assertEquals(new Load(0.3, 1.2, 0.1), back.load());
        assertEquals(6_010_000_000L, back.notebook().orElseThrow().wallNanos().getAsLong());
        assertEquals(new Entry.Visit(Instant.parse("2026-03-02T09:16:00Z"), new PageRef(6, "gil")), c.entries().get(1));
    }

    @Test
    @DisplayName("garde le résultat sous les mêmes noms de champs que « run --format json »")
    void keepsTheRunCommandsFieldNames() throws IOException {
        Journal j = Journal.open(tmp, fr);
        j.append(Samples.run("b", null, Samples.measurement(StrategyKind.SEQUENTIAL, TaskKind.IO, RuntimeKind.JVM, 5.0)));
        String line = Files.readString(j.file());
        var o = com.google.gson.JsonParser.parseString(line).getAsJsonObject();
        var result = o.getAsJsonObject("result");
        for (String key : List.of("strategy", "runtime", "task", "tasks", "workers", "scale", "wall_s", "cpu_user_s",
                "cpu_sys_s", "cpu_children_s", "ideal_s", "efficiency", "runs", "mean_s", "std_s", "timeline"))
            assertTrue(result.has(key), key);
        assertFalse(o.has("page"), "a run from no page has no page");
        assertTrue(line.endsWith("}\n") && line.indexOf('\n') == line.length() - 1, "one line");
    }

    @Test
    @DisplayName("n'est lisible que par son propriétaire (dossier 0700, fichier 0600)")
    void isPrivate() throws IOException {
        Path dir = tmp.resolve("concurrence");
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Journal j = Journal.open(dir, fr);
        j.append(new Entry.Visit(Instant.now(), new PageRef(0, "bienvenue")));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(j.file())));
    }

    @Test
    @DisplayName("saute une ligne abîmée en nommant le fichier et la ligne, et garde les autres")
    void skipsDamagedLines() throws IOException {
        Journal j = Journal.open(tmp, fr);
        j.append(new Entry.Visit(Instant.parse("2026-01-01T00:00:00Z"), new PageRef(1, "a")));
        Files.writeString(j.file(), "{\"type\":\"visit\",\"version\":1,\"date\":\"2026-01-01T00:00:01Z\"}\n"   // no page
                + "ceci n'est pas du JSON\n\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        j.append(new Entry.Visit(Instant.parse("2026-01-01T00:00:02Z"), new PageRef(3, "c")));
        Files.writeString(j.file(), "{\"type\":\"visit\",\"vers", java.nio.file.StandardOpenOption.APPEND);  // a crash mid-write

        Journal.Contents c = j.read();
        assertEquals(2, c.entries().size());
        assertEquals(3, c.warnings().size(), c.warnings()::toString);
        assertTrue(c.warnings().get(0).startsWith(j.file() + ":2 : "), c.warnings().get(0));
        assertTrue(c.warnings().get(0).contains("page"), c.warnings().get(0));
        assertTrue(c.warnings().get(1).startsWith(j.file() + ":3 : "), c.warnings().get(1));
        assertTrue(c.warnings().get(2).startsWith(j.file() + ":6 : "), c.warnings().get(2));
        assertTrue(c.warnings().get(2).contains("interrompue"), c.warnings().get(2));
    }

    @Test
    @DisplayName("après une écriture interrompue, la ligne suivante commence sur une ligne neuve")
    void startsAFreshLineAfterACrash() throws IOException {
        Journal j = Journal.open(tmp, fr);
        Files.writeString(j.file(), "{\"type\":\"run\",\"versi");
        j.append(new Entry.Visit(Instant.parse("2026-01-01T00:00:02Z"), new PageRef(3, "c")));
        Journal.Contents c = j.read();
        assertEquals(1, c.entries().size());
        assertEquals(1, c.warnings().size());
        assertTrue(c.warnings().get(0).contains(":1 : "), c.warnings().get(0));
    }

    @Test
    @Timeout(120)
    @DisplayName("des écrivains simultanés (fils et processus) ne perdent aucune ligne")
    void concurrentWritersLoseNothing() throws Exception {
        Path dir = tmp.resolve("shared");
        Journal.open(dir, fr);
        int perWriter = 40;
        List<Process> processes = new ArrayList<>();
        for (String tag : List.of("p1", "p2"))
            processes.add(new ProcessBuilder(javaCommand(JournalHammer.class.getName(), dir.toString(), tag, Integer.toString(perWriter)))
                    .redirectErrorStream(true).start());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String tag = "t" + t;
            threads.add(pool.submit(() -> {
                Journal own = Journal.open(dir, fr);   // its own channels each time
                for (int i = 0; i < perWriter; i++) JournalHammer.appendOne(own, tag, i);
                return null;
            }));
        }
        for (Future<?> f : threads) f.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        for (Process p : processes) {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "writer process finished");
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), output);
        }

        Journal.Contents c = Journal.open(dir, fr).read();
        assertEquals(List.of(), c.warnings());
        Set<String> batches = new HashSet<>();
        for (Entry.Run r : c.runs()) batches.add(r.batch());
        assertEquals(6 * perWriter, c.runs().size());
        assertEquals(6 * perWriter, batches.size(), "every line once");
        for (String tag : List.of("p1", "p2", "t0", "t3"))
            assertTrue(batches.contains(tag + "-" + (perWriter - 1)), tag);
    }

    @Test
    @DisplayName("sans droit d'écriture : un message clair qui nomme le fichier, et l'application continue sans journal")
    void withoutWritePermissionGoesOnWithoutJournal() throws IOException {
        Path notADir = Files.writeString(tmp.resolve("state"), "a file where the directory should be");
        Journal j = Journal.open(notADir.resolve("concurrence"), fr);
        assertFalse(j.available());
        assertTrue(j.problem().orElseThrow().contains(notADir.resolve("concurrence").resolve(Journal.FILE).toString()),
                j.problem().orElseThrow());
        assertEquals(Optional.empty(), j.record(Samples.run("b", null,
                Samples.measurement(StrategyKind.SEQUENTIAL, TaskKind.IO, RuntimeKind.JVM, 5.0))));
        assertEquals(List.of(), j.read().entries());
    }

    @Test
    @DisplayName("sans droit d'écriture sur un dossier existant (utilisateur ordinaire) : pas de journal, un message")
    void readOnlyDirectory() throws IOException {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root writes everywhere");
        Path dir = Files.createDirectories(tmp.resolve("ro/concurrence"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        try {
            Journal j = Journal.open(dir, fr);
            assertFalse(j.available());
            assertTrue(j.problem().orElseThrow().contains("permission refusée"), j.problem().orElseThrow());
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    @DisplayName("une écriture qui échoue est dite en une phrase, les lignes précédentes restent")
    void aFailedWriteIsSaid() throws IOException {
        Journal j = Journal.open(tmp, fr);
        j.append(new Entry.Visit(Instant.now(), new PageRef(1, "a")));
        Files.delete(j.file());
        Files.createDirectory(j.file());          // now the journal's name is a directory
        Optional<String> said = j.record(new Entry.Visit(Instant.now(), new PageRef(2, "b")));
        assertTrue(said.isPresent());
        assertTrue(said.get().contains(j.file().toString()), said.get());
    }

    @Test
    @DisplayName("« --reset » met le journal de côté (une copie) et repart de zéro")
    void resetKeepsABackup() throws IOException {
        Journal j = Journal.open(tmp, fr);
        j.append(new Entry.Visit(Instant.now(), new PageRef(4, "threads-io")));
        Path backup = j.reset().orElseThrow();
        assertTrue(backup.getFileName().toString().matches("journal-\\d{8}-\\d{6}(-\\d+)?\\.jsonl\\.bak"), backup.toString());
        assertEquals(1, Journal.parse(Files.readString(backup), backup, fr).entries().size());
        assertEquals(List.of(), j.read().entries());
        assertEquals(Progress.NONE, Progress.of(j.read().entries()));
        j.append(new Entry.Visit(Instant.now(), new PageRef(0, "bienvenue")));
        assertEquals(1, j.read().entries().size());
        assertEquals(Optional.empty(), Journal.open(tmp.resolve("empty"), fr).reset());
    }

    @Test
    @DisplayName("se place dans $XDG_STATE_HOME/concurrence, sinon ~/.local/state/concurrence")
    void defaultDirFollowsXdg() {
        assertEquals(Optional.of(Path.of("/x/state/concurrence")), Journal.defaultDir(Map.of("XDG_STATE_HOME", "/x/state", "HOME", "/home/a")));
        assertEquals(Optional.of(Path.of("/home/a/.local/state/concurrence")), Journal.defaultDir(Map.of("HOME", "/home/a")));
        assertEquals(Optional.of(Path.of("/home/a/.local/state/concurrence")),
                Journal.defaultDir(Map.of("XDG_STATE_HOME", "relative", "HOME", "/home/a")));
        assertEquals(Optional.empty(), Journal.defaultDir(Map.of()));
        assertFalse(Journal.openDefault(Map.of(), fr).available());
    }

    static List<String> javaCommand(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
