package concurrence.journal;

import concurrence.engine.Measurement;
import concurrence.lesson.Reference;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One line of the journal: a finished run, or a page the user looked at.
 *
 * <pre>{@code
 * String batch = Entry.newBatch();           // the runs of one experiment share it
 * journal.append(new Entry.Run(Instant.now(), "shell", batch, Optional.of(page), facts, load, measurement, figure));
 * journal.append(new Entry.Visit(Instant.now(), page));
 * }</pre>
 */
public sealed interface Entry {

    Instant date();

    /**
     * A finished (or cancelled) measurement.
     *
     * @param source   what ran it: {@code app}, {@code shell} or {@code run}
     * @param batch    shared by the measurements of one experiment (a page's comparison, one
     *                 {@code run --strategy a,b}): speed-ups are computed within a batch
     * @param page     the lesson page it came from, if any
     * @param notebook the notebook's figure for it, when the page gave one
     */
    record Run(Instant date, String source, String batch, Optional<PageRef> page, MachineFacts machine, Load load,
               Measurement measurement, Optional<Reference> notebook) implements Entry {
        public Run {
            if (date == null || machine == null || load == null || measurement == null || page == null || notebook == null)
                throw new IllegalArgumentException("date, page, machine, load, measurement and notebook are required");
            if (source == null || source.isBlank()) throw new IllegalArgumentException("a run has a source");
            if (batch == null || batch.isBlank()) throw new IllegalArgumentException("a run has a batch");
        }
    }

    /** A lesson page shown: the progress (pages seen, last page) is made of these. */
    record Visit(Instant date, PageRef page) implements Entry {
        public Visit {
            if (date == null || page == null) throw new IllegalArgumentException("date and page are required");
        }
    }

    /** A fresh batch name, unique across processes: {@code <pid>-<epoch ms>-<n>}. */
    static String newBatch() {
        return ProcessHandle.current().pid() + "-" + System.currentTimeMillis() + "-" + Batches.next();
    }
}

/** The counter behind {@link Entry#newBatch()}. */
final class Batches {
    private static final AtomicLong NEXT = new AtomicLong();

    private Batches() {}

    static long next() { return NEXT.incrementAndGet(); }
}
