package concurrence.lesson;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one page's text: its front matter ({@code title}, {@code summary}, optional
 * {@code notebook}, nothing else), then its Markdown body.
 *
 * <pre>{@code
 * Optional<Lesson> page = PageParser.parse(new PageFile(4, "threads-io", path), "fr", text, problems);
 * }</pre>
 *
 * <p>A page with any problem gives no lesson; its problems, each with its line, are all in
 * {@code problems}.
 */
final class PageParser {
    private static final String FENCE = "---";
    private static final List<String> KEYS = List.of("title", "summary", "notebook");
    private static final List<String> REQUIRED = List.of("title", "summary");

    private PageParser() {}

    /** A front matter value and the line it was on. */
    private record Value(int line, String text) {}

    static Optional<Lesson> parse(CourseLoader.PageFile page, String language, String text, Problems problems) {
        int before = problems.count();
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1);
        if (!lines[0].strip().equals(FENCE)) {
            problems.add(1, "lessons.error.front.missing");
            return Optional.empty();
        }
        int close = 1;
        while (close < lines.length && !lines[close].strip().equals(FENCE)) close++;
        if (close == lines.length) {
            problems.add(1, "lessons.error.front.unclosed");
            return Optional.empty();
        }
        Map<String, Value> front = new LinkedHashMap<>();
        for (int i = 1; i < close; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            int colon = line.indexOf(':');
            if (colon <= 0) {
                problems.add(lineNo, "lessons.error.front.line", line);
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (!KEYS.contains(key)) {
                problems.add(lineNo, "lessons.error.front.unknown.key", key);
                continue;
            }
            Value first = front.putIfAbsent(key, new Value(lineNo, value));
            if (first != null) problems.add(lineNo, "lessons.error.front.duplicate", key, first.line());
            else if (value.isEmpty()) problems.add(lineNo, "lessons.error.front.empty", key);
        }
        for (String key : REQUIRED)
            if (!front.containsKey(key)) problems.add(close + 1, "lessons.error.front.required", key);

        String body = String.join("\n", Arrays.asList(lines).subList(close + 1, lines.length));
        List<Block> blocks = MarkdownBlocks.parse(body, close + 1, problems);
        if (blocks.isEmpty() && problems.count() == before) problems.add(0, "lessons.error.empty.page");
        if (problems.count() > before) return Optional.empty();
        return Optional.of(new Lesson(page.number(), page.slug(), language, page.path(), front.get("title").text(),
                front.get("summary").text(), front.containsKey("notebook") ? front.get("notebook").text() : "", blocks));
    }
}
