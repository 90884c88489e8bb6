package concurrence.tui;

import concurrence.engine.ExperimentSpec;
import concurrence.engine.Measurement;
import concurrence.journal.Load;
import concurrence.journal.PageRef;
import concurrence.lesson.Reference;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Update#update} asks the outside world to do: the only way the pure update gets
 * anything done (a run started or cancelled, a course loaded, a result saved, the app left).
 *
 * <pre>{@code
 * switch (command) {
 *     case Command.StartRun s -> runs.start(s.runId(), s.specs());
 *     ...
 * }
 * }</pre>
 */
public sealed interface Command {

    /** Run these specs one after the other, reporting as run {@code runId}. */
    record StartRun(int runId, List<ExperimentSpec> specs) implements Command {
        public StartRun { specs = List.copyOf(specs); }
    }

    record CancelRun() implements Command {}

    record LoadCourse(String language) implements Command {}

    /**
     * A measurement of run {@code runId} finished (not cancelled): hand it to whoever keeps
     * results, with the page it came from, how busy the machine was, and the notebook's figure.
     */
    record Save(int runId, PageRef page, Measurement measurement, Load load, Optional<Reference> notebook) implements Command {}

    /** The student now reads this page. */
    record Visit(PageRef page) implements Command {}

    /** Write the results kept so far into a file of the current folder (key e). */
    record Export() implements Command {}

    /** Leave: cancel any run, restore the terminal, exit with {@code exitCode}. */
    record Quit(int exitCode) implements Command {}
}
