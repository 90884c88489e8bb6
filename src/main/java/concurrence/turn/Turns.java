package concurrence.turn;

import concurrence.engine.Cancellation;
import concurrence.engine.TaskKind;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Machine-wide turns for cpu experiments: on a 2-core lab machine two cpu experiments at once
 * ruin both measurements, so each waits until the one before it is done. io experiments take no
 * turn: they barely notice each other.
 *
 * <pre>{@code
 * try (Turn turn = Turns.shared(System.getenv()).acquire(spec.task(), listener, cancel)) {
 *     if (turn.outcome() != Turn.Outcome.CANCELLED) runner.measure(spec, board, cancel);
 * }
 * }</pre>
 *
 * <p><b>How it works.</b> Every user can reach one folder, {@code /tmp/concurrence-turns}
 * (created {@code 1777}, sticky, like {@code /tmp}); in it, one lock file ({@code turn.lock},
 * {@code 0666}) and one ticket per waiting or running experiment ({@code <ms>-<pid>-<n>.ticket},
 * owned by its process). The turn itself is an exclusive {@code fcntl} lock on the lock file,
 * which the kernel frees when its holder dies, even by {@code kill -9}. The tickets give the
 * order and the count shown while waiting: a process tries the lock only when no live ticket is
 * older than its own, so turns go first come, first served. A ticket is live while its process
 * exists and touches it every second; one left by a dead or stopped process stops counting after
 * {@link #STALE} and is removed by the next process of its owner that looks. Whatever happens, a
 * process waits at most {@code maxWait} (a holder stopped with Ctrl-Z, an experiment far too
 * long), then runs anyway and says so.
 *
 * <p><b>Safety in a shared folder.</b> Nothing there is followed if it is a symbolic link: the
 * folder is checked without following links, and every file is opened with {@code O_NOFOLLOW}
 * (or created with {@code O_EXCL}). A folder another user made is used only if everyone may write
 * into it and it has the sticky bit; the lock file is created under a private name and linked into
 * place, so it appears with its final mode or not at all.
 */
public final class Turns {
    public static final Path DEFAULT_DIR = Path.of("/tmp/concurrence-turns");
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(2);
    /** A ticket not touched for this long no longer counts: its process is gone or stopped. */
    public static final Duration STALE = Duration.ofSeconds(10);
    static final String LOCK = "turn.lock";
    static final String TICKET = ".ticket";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration NOTIFY_EVERY = Duration.ofSeconds(1);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path dir;
    private final Duration maxWait;

    public Turns(Path dir, Duration maxWait) {
        this.dir = dir.toAbsolutePath().normalize();
        this.maxWait = maxWait;
    }

    /**
     * The machine's turns: the folder {@code $CONCURRENCE_TURNS} (default {@link #DEFAULT_DIR}),
     * waiting at most {@code $CONCURRENCE_TURN_WAIT} seconds (default two minutes).
     */
    public static Turns shared(Map<String, String> env) {
        String d = env.get("CONCURRENCE_TURNS");
        Duration wait = DEFAULT_MAX_WAIT;
        try {
            String w = env.get("CONCURRENCE_TURN_WAIT");
            if (w != null && !w.isBlank()) wait = Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(w.strip()) * 1000)));
        } catch (NumberFormatException e) {
            // keep the default
        }
        return new Turns(d != null && !d.isBlank() ? Path.of(d) : DEFAULT_DIR, wait);
    }

    /** {@link #shared} for this process's environment, waiting as long as allowed, not cancellable. */
    public static Turn acquire(TaskKind kind, TurnListener listener) throws InterruptedException {
        return shared(System.getenv()).acquire(kind, listener, new Cancellation());
    }

    public Path dir() { return dir; }

    public Duration maxWait() { return maxWait; }

    /**
     * Waits for the machine's turn if {@code kind} needs one, telling {@code listener} how many
     * are ahead; returns at once for io. Never throws for a problem with the folder: the
     * experiment then runs without a turn, and the listener is told why.
     *
     * @throws InterruptedException if this thread is interrupted while waiting (nothing is left behind)
     */
    public Turn acquire(TaskKind kind, TurnListener listener, Cancellation cancel) throws InterruptedException {
        return switch (kind) {
            case IO -> Turn.none(Turn.Outcome.NOT_NEEDED, Duration.ZERO);
            case CPU -> queue(listener, cancel);
        };
    }

    private Turn queue(TurnListener listener, Cancellation cancel) throws InterruptedException {
        Optional<TurnListener.Problem> problem = Folder.prepare(dir);
        if (problem.isPresent()) {
            listener.unavailable(problem.get());
            return Turn.none(Turn.Outcome.UNAVAILABLE, Duration.ZERO);
        }
        FileChannel channel;
        Path ticket;
        try {
            channel = Folder.openLock(dir.resolve(LOCK));
        } catch (Folder.Refused e) {
            listener.unavailable(e.problem);
            return Turn.none(Turn.Outcome.UNAVAILABLE, Duration.ZERO);
        }
        try {
            ticket = newTicket();
        } catch (IOException e) {
            closeQuietly(channel);
            listener.unavailable(new TurnListener.Problem(dir, TurnListener.Problem.Kind.IO, e.toString()));
            return Turn.none(Turn.Outcome.UNAVAILABLE, Duration.ZERO);
        }
        long start = System.nanoTime();
        long lastNotice = Long.MIN_VALUE;
        int lastAhead = -1;
        boolean handedOver = false;
        try {
            while (true) {
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                if (cancel.isCancelled()) return Turn.none(Turn.Outcome.CANCELLED, waited);
                touch(ticket);
                int ahead = ahead(ticket);
                if (ahead == 0) {
                    FileLock lock = tryLock(channel);
                    if (lock != null) {
                        listener.acquired(waited);
                        handedOver = true;
                        return new Held(channel, lock, ticket, waited);
                    }
                    ahead = 1;   // held by a process whose ticket does not count (stale, or none)
                }
                if (waited.compareTo(maxWait) >= 0) {
                    listener.gaveUp(waited);
                    return Turn.none(Turn.Outcome.TIMED_OUT, waited);
                }
                if (ahead != lastAhead || System.nanoTime() - lastNotice >= NOTIFY_EVERY.toNanos()) {
                    listener.waiting(ahead, waited);
                    lastAhead = ahead;
                    lastNotice = System.nanoTime();
                }
                Thread.sleep(POLL.toMillis());
            }
        } finally {
            if (!handedOver) {
                closeQuietly(channel);
                deleteQuietly(ticket);
            }
        }
    }

    /** How many experiments are waiting or running now, by their live tickets. */
    public int queueLength() {
        int n = 0;
        try (DirectoryStream<Path> tickets = Files.newDirectoryStream(dir, "*" + TICKET)) {
            for (Path t : tickets) if (live(t)) n++;
        } catch (IOException e) {
            return 0;
        }
        return n;
    }

    /** A fresh ticket of this process; its name orders it after every ticket made before. */
    private Path newTicket() throws IOException {
        long pid = ProcessHandle.current().pid();
        String content = System.getProperty("user.name", "?") + " " + pid + " " + ProcessHandle.current().info().command().orElse("?") + "\n";
        while (true) {
            String name = String.format("%013d-%010d-%03d%s", System.currentTimeMillis(), pid, SEQUENCE.incrementAndGet() % 1000, TICKET);
            try {
                Path t = dir.resolve(name);
                Files.writeString(t, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
                return t;
            } catch (FileAlreadyExistsException e) {
                // same millisecond, same sequence number modulo 1000: take the next
            }
        }
    }

    /** Live tickets older than ours; stale ones of ours (same owner) are removed on the way. */
    private int ahead(Path ours) {
        String mine = ours.getFileName().toString();
        int n = 0;
        try (DirectoryStream<Path> tickets = Files.newDirectoryStream(dir, "*" + TICKET)) {
            for (Path t : tickets) {
                String name = t.getFileName().toString();
                if (name.compareTo(mine) >= 0) continue;
                if (live(t)) n++;
                else if (Folder.ownedByUs(t)) deleteQuietly(t);
            }
        } catch (IOException e) {
            return 0;
        }
        return n;
    }

    /** A ticket counts while its process exists and touched it less than {@link #STALE} ago. */
    static boolean live(Path ticket) {
        try {
            FileTime touched = Files.getLastModifiedTime(ticket, LinkOption.NOFOLLOW_LINKS);
            if (Duration.between(touched.toInstant(), Instant.now()).compareTo(STALE) > 0) return false;
            return pid(ticket).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    static Optional<Long> pid(Path ticket) {
        String[] parts = ticket.getFileName().toString().split("-");
        try {
            return parts.length == 3 ? Optional.of(Long.parseLong(parts[1])) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static FileLock tryLock(FileChannel channel) {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;   // another thread of this JVM has the turn
        } catch (IOException e) {
            return null;
        }
    }

    static void touch(Path ticket) {
        try {
            Files.setLastModifiedTime(ticket, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // removed by the folder's owner: it will be counted as gone, and we still hold our place in the lock
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // not ours to delete, or already gone
        }
    }

    static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing frees the lock anyway
        }
    }

    /**
     * A turn held: the lock, and a daemon thread touching the ticket every second so that waiters
     * keep counting it. Closing releases the lock, then removes the ticket.
     */
    private static final class Held implements Turn {
        private final FileChannel channel;
        private final FileLock lock;
        private final Path ticket;
        private final Duration waited;
        private final Thread heartbeat;
        private boolean closed;   // guarded by this

        Held(FileChannel channel, FileLock lock, Path ticket, Duration waited) {
            this.channel = channel;
            this.lock = lock;
            this.ticket = ticket;
            this.waited = waited;
            this.heartbeat = Thread.ofPlatform().daemon().name("turn-heartbeat").start(() -> {
                try {
                    while (true) {
                        Thread.sleep(1000);
                        touch(ticket);
                    }
                } catch (InterruptedException e) {
                    // closed
                }
            });
        }

        @Override public Outcome outcome() { return Outcome.HELD; }

        @Override public Duration waited() { return waited; }

        @Override public synchronized void close() {
            if (closed) return;
            closed = true;
            heartbeat.interrupt();
            try {
                lock.release();
            } catch (IOException e) {
                // closing the channel releases it
            }
            closeQuietly(channel);
            deleteQuietly(ticket);
        }
    }

    /** The shared folder and its lock file, checked and made without following any link. */
    static final class Folder {
        private Folder() {}

        /** Thrown when the lock file cannot be used. */
        static final class Refused extends Exception {
            final TurnListener.Problem problem;

            Refused(TurnListener.Problem problem) {
                super(problem.detail(), null, false, false);
                this.problem = problem;
            }
        }

        /** Makes the folder {@code 1777} if missing; checks it is a real folder everyone may use safely. */
        static Optional<TurnListener.Problem> prepare(Path dir) {
            try {
                PosixFileAttributes a;
                try {
                    a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    try {
                        Files.createDirectory(dir);
                        Files.setAttribute(dir, "unix:mode", 01777, LinkOption.NOFOLLOW_LINKS);
                    } catch (FileAlreadyExistsException raced) {
                        // another process made it meanwhile: check it below
                    }
                    a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                }
                if (a.isSymbolicLink()) return Optional.of(new TurnListener.Problem(dir, TurnListener.Problem.Kind.SYMLINK, ""));
                if (!a.isDirectory()) return Optional.of(new TurnListener.Problem(dir, TurnListener.Problem.Kind.NOT_A_DIRECTORY, ""));
                int mode = mode(dir);
                if (ownedByUs(dir)) {
                    if ((mode & 07777) != 01777) Files.setAttribute(dir, "unix:mode", 01777, LinkOption.NOFOLLOW_LINKS);
                } else if ((mode & 01002) != 01002) {
                    return Optional.of(new TurnListener.Problem(dir, TurnListener.Problem.Kind.UNSAFE_OWNER,
                            a.owner().getName() + " " + PosixFilePermissions.toString(a.permissions())));
                }
                return Optional.empty();
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                return Optional.of(new TurnListener.Problem(dir, TurnListener.Problem.Kind.IO, e.toString()));
            }
        }

        /**
         * Opens the lock file for reading and writing, never through a link; if it is missing,
         * creates it {@code 0666} under a private name and links it into place.
         */
        static FileChannel openLock(Path lock) throws Refused {
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    FileChannel c = FileChannel.open(lock, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                    PosixFileAttributes a = Files.readAttributes(lock, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (!a.isRegularFile()) {
                        closeQuietly(c);
                        throw new Refused(new TurnListener.Problem(lock, TurnListener.Problem.Kind.NOT_A_DIRECTORY, "not a regular file"));
                    }
                    if (ownedByUs(lock) && !PosixFilePermissions.toString(a.permissions()).equals("rw-rw-rw-"))
                        Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString("rw-rw-rw-"));
                    return c;
                } catch (NoSuchFileException missing) {
                    create(lock);
                } catch (IOException e) {
                    TurnListener.Problem.Kind kind = Files.isSymbolicLink(lock) ? TurnListener.Problem.Kind.SYMLINK : TurnListener.Problem.Kind.IO;
                    throw new Refused(new TurnListener.Problem(lock, kind, e.toString()));
                }
            }
            throw new Refused(new TurnListener.Problem(lock, TurnListener.Problem.Kind.IO, new NoSuchFileException(lock.toString()).toString()));
        }

        private static void create(Path lock) throws Refused {
            Path tmp = lock.resolveSibling(".lock-" + ProcessHandle.current().pid() + "-" + ThreadLocalRandom.current().nextInt(1 << 30));
            try {
                Files.newByteChannel(tmp, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)).close();
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-rw-rw-"));
                Files.createLink(lock, tmp);
            } catch (FileAlreadyExistsException raced) {
                // another process linked its own first: use that one
            } catch (IOException e) {
                throw new Refused(new TurnListener.Problem(lock, TurnListener.Problem.Kind.IO, e.toString()));
            } finally {
                deleteQuietly(tmp);
            }
        }

        static boolean ownedByUs(Path p) {
            try {
                Object ours = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
                return ours.equals(Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS));
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                try {
                    return Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
                } catch (IOException ex) {
                    return false;
                }
            }
        }

        private static int mode(Path p) throws IOException {
            return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        }
    }
}
