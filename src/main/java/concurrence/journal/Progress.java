package concurrence.journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a student is in the course, as the journal remembers it: the pages seen (in page order),
 * the last page looked at, and the results measured from each page.
 *
 * <pre>{@code
 * Progress p = Progress.of(journal.read().entries());
 * p.lastPage();                     // Optional[04-threads-io]: start there
 * p.resultsPerPage().get(4);        // the runs measured from page 4, oldest first
 * }</pre>
 */
public record Progress(List<PageRef> pagesSeen, Optional<PageRef> lastPage, Map<Integer, List<Entry.Run>> resultsPerPage) {
    public static final Progress NONE = new Progress(List.of(), Optional.empty(), Map.of());

    public Progress {
        pagesSeen = List.copyOf(pagesSeen);
        Map<Integer, List<Entry.Run>> copy = new TreeMap<>();
        resultsPerPage.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        resultsPerPage = java.util.Collections.unmodifiableMap(copy);
    }

    /** Folds the journal's entries, oldest first: a run from a page counts as a visit of that page. */
    public static Progress of(List<Entry> entries) {
        Map<Integer, PageRef> seen = new TreeMap<>();
        Map<Integer, List<Entry.Run>> results = new LinkedHashMap<>();
        PageRef last = null;
        for (Entry e : entries) {
            switch (e) {
                case Entry.Visit v -> {
                    seen.put(v.page().number(), v.page());
                    last = v.page();
                }
                case Entry.Run r -> r.page().ifPresent(p -> {
                    seen.put(p.number(), p);
                    results.computeIfAbsent(p.number(), k -> new ArrayList<>()).add(r);
                });
            }
        }
        return new Progress(new ArrayList<>(seen.values()), Optional.ofNullable(last), results);
    }

    public boolean seen(int page) { return pagesSeen.stream().anyMatch(p -> p.number() == page); }

    public int resultCount() { return resultsPerPage.values().stream().mapToInt(List::size).sum(); }
}
