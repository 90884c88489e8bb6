package concurrence.journal;

/**
 * Which lesson page a run came from: its number and its slug ({@code 04-threads-io.md} is 4,
 * {@code threads-io}).
 *
 * <pre>{@code
 * PageRef page = new PageRef(lesson.number(), lesson.slug());
 * }</pre>
 */
public record PageRef(int number, String slug) {
    public PageRef {
        if (number < 0) throw new IllegalArgumentException("a page number is not negative: " + number);
        if (slug == null) throw new IllegalArgumentException("a page has a slug");
    }

    /** {@code 04-threads-io}, as the file is named. */
    @Override public String toString() { return String.format("%02d-%s", number, slug); }
}
