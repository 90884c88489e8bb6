package concurrence.tui;

import concurrence.engine.Measurement;
import concurrence.lesson.Reference;

import java.util.Optional;

/**
 * A result kept from an earlier session (the caller reads it from the journal): the page it was
 * measured from, the measurement, and the notebook's figure kept beside it, if any. The contents
 * count it and the synthesis page lists it, greyed, before this session's results.
 *
 * <pre>{@code
 * config.withEarlier(List.of(new Earlier(4, measurement, Optional.of(reference))));
 * }</pre>
 */
public record Earlier(int page, Measurement measurement, Optional<Reference> notebook) {
    public Earlier {
        if (measurement == null || notebook == null) throw new IllegalArgumentException("a measurement is required");
    }
}
