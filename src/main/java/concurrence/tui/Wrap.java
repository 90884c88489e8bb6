package concurrence.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * Word-wraps styled text to a width: breaks at spaces, keeps French punctuation with the word
 * before it ({@code tâche :} never leaves the {@code :} alone at the start of a line), and cuts a
 * word longer than the whole width.
 *
 * <pre>{@code
 * List<Line> lines = Wrap.wrap(List.of(new Segment("Prenons la tâche la plus simple", Style.PLAIN)), 12, "", "");
 * // "Prenons la", "tâche la", "plus simple"
 * }</pre>
 */
public final class Wrap {
    private Wrap() {}

    /** A word: segments with no space between them (a {@code code} span followed by a comma is one word). */
    private record Word(List<Segment> parts) {
        int width() { return parts.stream().mapToInt(p -> Text.width(p.text())).sum(); }
    }

    /**
     * Lines of at most {@code width} cells; the first starts with {@code first} (a bullet, say),
     * the others with {@code rest} (as wide, blank), both drawn in {@code prefixStyle}.
     */
    public static List<Line> wrap(List<Segment> text, int width, String first, String rest, Style prefixStyle) {
        List<Line> out = new ArrayList<>();
        List<Word> words = words(text);
        int room = Math.max(1, width - Text.width(first));
        List<Segment> line = new ArrayList<>();
        if (!first.isEmpty()) line.add(new Segment(first, prefixStyle));
        int used = 0;
        boolean empty = true;
        for (Word w : words) {
            int ww = w.width();
            if (!empty && used + 1 + ww > room) {
                out.add(new Line(line));
                line = new ArrayList<>();
                if (!rest.isEmpty()) line.add(new Segment(rest, prefixStyle));
                room = Math.max(1, width - Text.width(rest));
                used = 0;
                empty = true;
            }
            if (!empty) {
                line.add(new Segment(" ", space(w.parts().get(0).style())));
                used++;
            }
            // A word wider than a whole line is cut where the line ends.
            List<Segment> parts = new ArrayList<>(w.parts());
            while (used + widthOf(parts) > room && room > 0) {
                int fit = room - used;
                List<Segment> head = new ArrayList<>();
                List<Segment> tail = new ArrayList<>();
                split(parts, fit, head, tail);
                line.addAll(head);
                out.add(new Line(line));
                line = new ArrayList<>();
                if (!rest.isEmpty()) line.add(new Segment(rest, prefixStyle));
                room = Math.max(1, width - Text.width(rest));
                used = 0;
                parts = tail;
            }
            line.addAll(parts);
            used += widthOf(parts);
            empty = false;
        }
        if (!empty || out.isEmpty()) out.add(new Line(line));
        return out;
    }

    /** A space between words: no underline or reverse, but the background of the text around it. */
    private static Style space(Style beside) { return Style.PLAIN.on(beside.bg()); }

    private static int widthOf(List<Segment> parts) { return parts.stream().mapToInt(p -> Text.width(p.text())).sum(); }

    /** Cuts {@code parts} after {@code cells} cells: what fits goes to {@code head}, the rest to {@code tail}. */
    static void split(List<Segment> parts, int cells, List<Segment> head, List<Segment> tail) {
        int left = cells;
        for (Segment s : parts) {
            int w = Text.width(s.text());
            if (left >= w) {
                head.add(s);
                left -= w;
            } else if (left > 0) {
                head.add(new Segment(Text.take(s.text(), left), s.style()));
                tail.add(new Segment(Text.drop(s.text(), left), s.style()));
                left = 0;
            } else tail.add(s);
        }
    }

    private static List<Word> words(List<Segment> text) {
        List<Word> words = new ArrayList<>();
        List<Segment> current = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean spaceBefore = false;
        for (Segment seg : text) {
            String t = Text.clean(seg.text());
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (Character.isWhitespace(c) && c != '\u00A0' && c != '\u202F') {
                    if (!run.isEmpty()) {
                        current.add(new Segment(run.toString(), seg.style()));
                        run.setLength(0);
                    }
                    if (!current.isEmpty()) {
                        words.add(new Word(List.copyOf(current)));
                        current.clear();
                    }
                    spaceBefore = true;
                    continue;
                }
                if (run.isEmpty() && current.isEmpty() && spaceBefore && !words.isEmpty() && glued(c, words.get(words.size() - 1))) {
                    // "tâche :" and "« mot »": the punctuation stays with its word, with a plain space.
                    Word prev = words.remove(words.size() - 1);
                    current.addAll(prev.parts());
                    current.add(new Segment(" ", space(prev.parts().get(prev.parts().size() - 1).style())));
                }
                spaceBefore = false;
                run.append(c);
            }
            if (!run.isEmpty()) {
                current.add(new Segment(run.toString(), seg.style()));
                run.setLength(0);
            }
        }
        if (!current.isEmpty()) words.add(new Word(List.copyOf(current)));
        return words;
    }

    private static boolean glued(char c, Word previous) {
        if (":;!?»".indexOf(c) >= 0) return true;
        List<Segment> p = previous.parts();
        String last = p.get(p.size() - 1).text();
        return last.equals("«");
    }
}
