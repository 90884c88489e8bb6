package concurrence.shell;

import concurrence.engine.ExperimentSpec;
import concurrence.engine.RuntimeKind;
import concurrence.journal.ExportFormat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One line typed at the shell's prompt, understood: what {@link CommandParser} makes of it and
 * what {@link Shell} does.
 *
 * <pre>{@code
 * switch (CommandParser.parse("lancer threads io --scale 0.1", m)) {
 *     case Command.RunAny r -> ...   // r.specs(): [threads io 5/5 jvm 0.1]
 *     ...
 * }
 * }</pre>
 */
public sealed interface Command {
    /** An empty line. */
    record Empty() implements Command {}

    /** {@code pages}: the table of contents. */
    record Pages() implements Command {}

    /** {@code page N}: a page as text; the current one when no number is given. */
    record Show(OptionalInt page) implements Command {}

    record Next() implements Command {}

    record Previous() implements Command {}

    /** {@code lancer [N]}: the current page's N-th experiment (1 by default), on another runtime or scale if asked. */
    record RunPage(int block, Optional<RuntimeKind> runtime, OptionalDouble scale) implements Command {}

    /** {@code lancer threads,sequential io --tasks 5 ...}: any experiment, one spec per strategy. */
    record RunAny(List<ExperimentSpec> specs) implements Command {
        public RunAny { specs = List.copyOf(specs); }
    }

    /** {@code timeit threads io}: the experiment repeated, mean ± standard deviation. */
    record Timeit(ExperimentSpec spec) implements Command {}

    /** {@code comparer threads cpu [jvm jvm+gil ...]}: one experiment on several runtimes (all available ones by default). */
    record Compare(ExperimentSpec spec, List<RuntimeKind> runtimes) implements Command {
        public Compare { runtimes = List.copyOf(runtimes); }
    }

    /** {@code résultats [tout]}: this session's runs, or the whole journal. */
    record Results(boolean all) implements Command {}

    /** {@code exporter [FORMAT] [FILE|-]}: the journal, into a new file here, into FILE, or printed. */
    record Export(ExportFormat format, Optional<String> file) implements Command {}

    /** {@code machine}: cores, load, runtimes. */
    record Machine() implements Command {}

    /** {@code oublier}: forget the progress (after a confirmation; the journal is kept aside). */
    record Reset() implements Command {}

    /** {@code aide [COMMAND]}. */
    record Help(Optional<String> topic) implements Command {}

    record Quit() implements Command {}

    /** A line that means nothing: {@code message} says why, naming the word or option. */
    record Invalid(String message) implements Command {}
}
