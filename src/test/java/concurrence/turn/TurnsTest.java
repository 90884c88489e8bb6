package concurrence.turn;

import concurrence.engine.Cancellation;
import concurrence.engine.TaskKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Les tours de la machine")
class TurnsTest {
    @TempDir Path tmp;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killHolders() {
        processes.forEach(Process::destroyForcibly);
    }

    /** Everything the listener heard, in order. */
    static final class Heard implements TurnListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override public void waiting(int ahead, Duration waited) { events.add("waiting " + ahead); }
        @Override public void acquired(Duration waited) { events.add("acquired"); }
        @Override public void gaveUp(Duration waited) { events.add("gave up"); }
        @Override public void unavailable(Problem problem) { events.add("unavailable " + problem.kind()); }

        boolean saw(String event) { return events.contains(event); }
    }

    private Turns turns(Path dir, Duration maxWait) { return new Turns(dir, maxWait); }

    @Test
    @DisplayName("une expérience io ne prend pas de tour")
    void ioNeedsNoTurn() throws Exception {
        Path dir = tmp.resolve("turns");
        try (Turn t = turns(dir, Duration.ofSeconds(1)).acquire(TaskKind.IO, new Heard(), new Cancellation())) {
            assertEquals(Turn.Outcome.NOT_NEEDED, t.outcome());
        }
        assertFalse(Files.exists(dir));
    }

    @Test
    @DisplayName("crée un dossier commun 1777 (sticky) et un verrou 0666 ; le ticket disparaît à la fin")
    void makesASharedFolder() throws Exception {
        Path dir = tmp.resolve("turns");
        Heard heard = new Heard();
        try (Turn t = turns(dir, Duration.ofSeconds(1)).acquire(TaskKind.CPU, heard, new Cancellation())) {
            assertEquals(Turn.Outcome.HELD, t.outcome());
            assertEquals(List.of("acquired"), heard.events);
            assertEquals(01777, (Integer) Files.getAttribute(dir, "unix:mode") & 07777);
            assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(Turns.LOCK))));
            assertEquals(1, tickets(dir).size());
            assertEquals(1, turns(dir, Duration.ZERO).queueLength());
        }
        assertEquals(List.of(), tickets(dir));
    }

    @Test
    @Timeout(90)
    @DisplayName("deux processus : le second attend en voyant une expérience devant lui, puis passe")
    void theSecondWaitsThenRuns() throws Exception {
        Path dir = tmp.resolve("turns");
        Holder holder = holder(dir, false);
        assertEquals("HELD HELD", holder.line());
        Heard heard = new Heard();
        CompletableFuture<Turn> mine = acquireLater(turns(dir, Duration.ofSeconds(60)), heard, new Cancellation());
        eventually(heard, h -> h.saw("waiting 1"));
        assertFalse(mine.isDone(), "still waiting while the other holds the turn");
        holder.release();
        assertEquals("RELEASED", holder.line());
        try (Turn t = mine.get(30, TimeUnit.SECONDS)) {
            assertEquals(Turn.Outcome.HELD, t.outcome());
            assertTrue(t.waited().toMillis() > 0);
        }
        assertEquals("waiting 1", heard.events.get(0));
        assertEquals("acquired", heard.events.get(heard.events.size() - 1));
    }

    @Test
    @Timeout(90)
    @DisplayName("un détenteur tué par kill -9 libère le tour (le noyau lâche le verrou, son ticket ne compte plus)")
    void aKilledHolderFreesTheTurn() throws Exception {
        Path dir = tmp.resolve("turns");
        Holder holder = holder(dir, false);
        assertEquals("HELD HELD", holder.line());
        Heard heard = new Heard();
        CompletableFuture<Turn> mine = acquireLater(turns(dir, Duration.ofSeconds(60)), heard, new Cancellation());
        eventually(heard, h -> h.saw("waiting 1"));
        holder.process.destroyForcibly();   // SIGKILL
        assertTrue(holder.process.waitFor(20, TimeUnit.SECONDS));
        try (Turn t = mine.get(40, TimeUnit.SECONDS)) {
            assertEquals(Turn.Outcome.HELD, t.outcome(), heard.events::toString);
            assertTrue(t.waited().compareTo(Duration.ofSeconds(55)) < 0, "well before the longest wait: " + t.waited());
        }
        assertEquals(List.of(), tickets(dir).stream().filter(TurnsTest::isHolders).toList(),
                "the dead holder's ticket was removed by the next process of its owner");
    }

    @Test
    @Timeout(60)
    @DisplayName("l'attente est bornée : après le maximum, l'expérience part quand même et le dit")
    void theWaitIsBounded() throws Exception {
        Path dir = tmp.resolve("turns");
        Holder holder = holder(dir, false);
        assertEquals("HELD HELD", holder.line());
        Heard heard = new Heard();
        try (Turn t = turns(dir, Duration.ofMillis(600)).acquire(TaskKind.CPU, heard, new Cancellation())) {
            assertEquals(Turn.Outcome.TIMED_OUT, t.outcome());
        }
        assertTrue(heard.saw("gave up"), heard.events::toString);
        assertEquals(1, tickets(dir).size(), "only the holder's ticket is left");
    }

    @Test
    @Timeout(60)
    @DisplayName("Ctrl-C pendant l'attente : annulé, rien ne reste")
    void cancelledWhileWaiting() throws Exception {
        Path dir = tmp.resolve("turns");
        Holder holder = holder(dir, false);
        assertEquals("HELD HELD", holder.line());
        Heard heard = new Heard();
        Cancellation cancel = new Cancellation();
        CompletableFuture<Turn> mine = acquireLater(turns(dir, Duration.ofSeconds(60)), heard, cancel);
        eventually(heard, h -> h.saw("waiting 1"));
        cancel.cancel();
        assertEquals(Turn.Outcome.CANCELLED, mine.get(10, TimeUnit.SECONDS).outcome());
        assertEquals(1, tickets(dir).size());
    }

    @Test
    @Timeout(60)
    @DisplayName("compte les expériences devant, dans l'ordre d'arrivée ; les tickets périmés ne comptent pas")
    void countsWhoIsAhead() throws Exception {
        Path dir = tmp.resolve("turns");
        try (Turn t = turns(dir, Duration.ofSeconds(1)).acquire(TaskKind.CPU, TurnListener.NONE, new Cancellation())) {
            assertEquals(Turn.Outcome.HELD, t.outcome());   // makes the folder
        }
        long me = ProcessHandle.current().pid();
        Path first = Files.writeString(dir.resolve(String.format("%013d-%010d-001.ticket", 1L, me)), "");
        Path second = Files.writeString(dir.resolve(String.format("%013d-%010d-002.ticket", 2L, me)), "");
        Path stale = Files.writeString(dir.resolve(String.format("%013d-%010d-003.ticket", 3L, me)), "");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
        Path dead = Files.writeString(dir.resolve(String.format("%013d-%010d-004.ticket", 4L, deadPid())), "");
        Heard heard = new Heard();
        CompletableFuture<Turn> mine = acquireLater(turns(dir, Duration.ofSeconds(40)), heard, new Cancellation());
        eventually(heard, h -> h.saw("waiting 2"));
        assertFalse(Files.exists(stale), "a stale ticket of ours is removed");
        assertFalse(Files.exists(dead), "a dead process's ticket of ours is removed");
        Turns.touch(second);
        Files.delete(first);
        eventually(heard, h -> h.saw("waiting 1"));
        Files.delete(second);
        try (Turn t = mine.get(20, TimeUnit.SECONDS)) {
            assertEquals(Turn.Outcome.HELD, t.outcome());
        }
        assertEquals(List.of("waiting 2", "waiting 1", "acquired"), heard.events.stream().distinct().toList());
    }

    @Test
    @DisplayName("ne suit jamais un lien symbolique planté à la place du dossier ou du verrou")
    void neverFollowsASymlink() throws Exception {
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Path dir = Files.createSymbolicLink(tmp.resolve("turns"), elsewhere);
        Heard heard = new Heard();
        try (Turn t = turns(dir, Duration.ofSeconds(1)).acquire(TaskKind.CPU, heard, new Cancellation())) {
            assertEquals(Turn.Outcome.UNAVAILABLE, t.outcome());
        }
        assertEquals(List.of("unavailable SYMLINK"), heard.events);
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertEquals(0, s.count());
        }

        Path real = Files.createDirectory(tmp.resolve("real"));
        Path victim = Files.writeString(tmp.resolve("victim"), "precious");
        Files.createSymbolicLink(real.resolve(Turns.LOCK), victim);
        Heard again = new Heard();
        try (Turn t = turns(real, Duration.ofSeconds(1)).acquire(TaskKind.CPU, again, new Cancellation())) {
            assertEquals(Turn.Outcome.UNAVAILABLE, t.outcome());
        }
        assertEquals(List.of("unavailable SYMLINK"), again.events);
        assertEquals("precious", Files.readString(victim));
        assertEquals(List.of(), tickets(real), "no ticket left behind");
    }

    @Test
    @DisplayName("un dossier d'un autre utilisateur : utilisé s'il est 1777, refusé sinon")
    void anotherUsersFolder() throws Exception {
        Assumptions.assumeTrue(isRoot(), "only root can give a folder to another user");
        Path dir = Files.createDirectory(tmp.resolve("turns"));
        Files.setAttribute(dir, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(dir, "unix:mode", 0755, LinkOption.NOFOLLOW_LINKS);
        Heard heard = new Heard();
        try (Turn t = turns(dir, Duration.ofSeconds(1)).acquire(TaskKind.CPU, heard, new Cancellation())) {
            assertEquals(Turn.Outcome.UNAVAILABLE, t.outcome());
        }
        assertEquals(List.of("unavailable UNSAFE_OWNER"), heard.events);
        assertEquals(0755, (Integer) Files.getAttribute(dir, "unix:mode") & 07777, "not ours to change");
        Files.setAttribute(dir, "unix:mode", 01777, LinkOption.NOFOLLOW_LINKS);
        try (Turn t = turns(dir, Duration.ofSeconds(1)).acquire(TaskKind.CPU, TurnListener.NONE, new Cancellation())) {
            assertEquals(Turn.Outcome.HELD, t.outcome());
        }
    }

    @Test
    @Timeout(90)
    @DisplayName("un autre utilisateur (nobody) prend son tour dans le dossier que nous avons créé, et nous attendons le sien")
    void anotherUserTakesTurns() throws Exception {
        Assumptions.assumeTrue(isRoot() && new File("/usr/bin/setpriv").canExecute(), "needs root and setpriv to act as nobody");
        Path parent = Files.createTempDirectory("concurrence-turns-test");
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dir = parent.resolve("turns");
        try {
            try (Turn t = turns(dir, Duration.ofSeconds(1)).acquire(TaskKind.CPU, TurnListener.NONE, new Cancellation())) {
                assertEquals(Turn.Outcome.HELD, t.outcome());   // root makes the folder and the lock
            }
            Holder nobody = holder(dir, true);
            assertEquals("HELD HELD", nobody.line(), "nobody can lock the file root created");
            Heard heard = new Heard();
            CompletableFuture<Turn> mine = acquireLater(turns(dir, Duration.ofSeconds(60)), heard, new Cancellation());
            eventually(heard, h -> h.saw("waiting 1"));
            nobody.release();
            try (Turn t = mine.get(30, TimeUnit.SECONDS)) {
                assertEquals(Turn.Outcome.HELD, t.outcome());
            }
        } finally {
            try (Stream<Path> walk = Files.walk(parent)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(Turns::deleteQuietly);
            }
        }
    }

    // ---- helpers

    /** A holder process and its output. */
    record Holder(Process process, BufferedReader out) {
        String line() throws Exception {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return e.toString();
                }
            }).get(30, TimeUnit.SECONDS);
        }

        void release() throws IOException {
            process.getOutputStream().write('\n');
            process.getOutputStream().flush();
        }
    }

    private Holder holder(Path dir, boolean asNobody) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (asNobody) cmd.addAll(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        String classes = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> new File(p).isDirectory()).reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
        cmd.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xshare:auto", "-cp", classes,
                TurnHolder.class.getName(), dir.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        processes.add(p);
        return new Holder(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
    }

    private static CompletableFuture<Turn> acquireLater(Turns turns, TurnListener listener, Cancellation cancel) {
        CompletableFuture<Turn> f = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                f.complete(turns.acquire(TaskKind.CPU, listener, cancel));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Waits (at most 30 s) until the listener has heard what {@code until} looks for. */
    private static void eventually(Heard heard, Predicate<Heard> until) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!until.test(heard)) {
            if (System.nanoTime() > deadline) throw new AssertionError("never heard it; heard " + heard.events);
            Thread.sleep(20);
        }
    }

    private static List<Path> tickets(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(Turns.TICKET)).toList();
        }
    }

    private static boolean isHolders(Path ticket) {
        return Turns.pid(ticket).map(pid -> pid != ProcessHandle.current().pid()).orElse(false);
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
