package concurrence.shell;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.List;
import java.util.function.Supplier;

/**
 * JLine's side of Tab: hands the words before the cursor to {@link Completion}.
 *
 * <pre>{@code
 * LineReaderBuilder.builder().terminal(t).completer(new ShellCompleter(() -> List.of(0, 1, 2))).build();
 * }</pre>
 */
final class ShellCompleter implements Completer {
    private final Supplier<List<Integer>> pages;

    ShellCompleter(Supplier<List<Integer>> pages) { this.pages = pages; }

    @Override public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> before = line.words().subList(0, Math.min(line.wordIndex(), line.words().size()));
        for (String c : Completion.candidates(before, pages.get())) candidates.add(new Candidate(c));
    }
}
