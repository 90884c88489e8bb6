package concurrence.journal;

import concurrence.engine.Measurement;
import concurrence.i18n.Messages;
import concurrence.lesson.Reference;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the app, the shell and {@code concurrence run} share around their runs: the journal, this
 * machine's facts (detected once), and the runs of this session. Whatever goes wrong with the
 * journal is said through {@code warn}, once, and the session goes on.
 *
 * <pre>{@code
 * Session session = Session.open(System.getenv(), messages, "shell", MachineFacts.detect(), System.err::println);
 * String batch = Entry.newBatch();
 * LoadProbe probe = LoadProbe.start();
 * Measurement m = runner.measure(spec, board, cancel);
 * session.record(batch, Optional.of(page), m, probe.stop(), reference);
 * }</pre>
 *
 * <p>Thread-safe: the list of this session's runs is a copy-on-write list, and the journal
 * serialises its own writes.
 */
public final class Session {
    private final Journal journal;
    private final MachineFacts facts;
    private final String source;
    private final Consumer<String> warn;
    private final Clock clock;
    private final List<Entry.Run> runs = new CopyOnWriteArrayList<>();
    /** Damaged lines already told about: each is said once a session. */
    private final java.util.Set<String> told = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Session(Journal journal, MachineFacts facts, String source, Consumer<String> warn, Clock clock) {
        this.journal = journal;
        this.facts = facts;
        this.source = source;
        this.warn = warn;
        this.clock = clock;
    }

    /** The journal in its default place for {@code env}; says at once if there can be none. */
    public static Session open(Map<String, String> env, Messages m, String source, MachineFacts facts, Consumer<String> warn) {
        Journal journal = Journal.openDefault(env, m);
        journal.problem().ifPresent(warn);
        return new Session(journal, facts, source, warn, Clock.systemUTC());
    }

    public Journal journal() { return journal; }

    public MachineFacts machine() { return facts; }

    /** This session's runs, oldest first. */
    public List<Entry.Run> runs() { return List.copyOf(runs); }

    /**
     * Keeps a finished measurement: in this session's list, and in the journal. A cancelled one
     * measured nothing worth keeping: it is left out of both.
     */
    public Optional<Entry.Run> record(String batch, Optional<PageRef> page, Measurement measurement, Load load,
                                      Optional<Reference> notebook) {
        if (measurement.cancelled()) return Optional.empty();
        Entry.Run run = new Entry.Run(Instant.now(clock), source, batch, page, facts, load, measurement, notebook);
        runs.add(run);
        journal.record(run).ifPresent(warn);
        return Optional.of(run);
    }

    /** Notes that a page was shown, so the next start comes back to it. */
    public void visit(PageRef page) {
        journal.record(new Entry.Visit(Instant.now(clock), page)).ifPresent(warn);
    }

    /** The progress kept in the journal; damaged lines are said through {@code warn}, once each. */
    public Progress progress() {
        return Progress.of(read().entries());
    }

    /** The whole journal; damaged lines are said through {@code warn}, once each a session. */
    public Journal.Contents read() {
        Journal.Contents c = journal.read();
        for (String w : c.warnings()) if (told.add(w)) warn.accept(w);
        return c;
    }
}
