package concurrence.tui;

import concurrence.engine.Measurement;
import concurrence.journal.Load;
import concurrence.journal.PageRef;
import concurrence.lesson.Reference;

import java.util.Optional;

/**
 * A measurement the app finished, with what a journal keeps beside it: the strategies run
 * together share a {@code batch}; the page it came from; how busy the machine was meanwhile; the
 * notebook's figure for it.
 *
 * <pre>{@code
 * config.withSink(f -> session.record(f.batch(), Optional.of(f.page()), f.measurement(), f.load(), f.notebook()));
 * }</pre>
 */
public record Finished(String batch, PageRef page, Measurement measurement, Load load, Optional<Reference> notebook) {}
