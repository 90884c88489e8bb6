package concurrence.lesson;

/**
 * A run of text with one style: what a paragraph or a heading is made of.
 *
 * <pre>{@code
 * new Inline("ThreadPoolExecutor", Inline.Style.CODE, "")
 * new Inline("PEP 703", Inline.Style.LINK, "https://peps.python.org/pep-0703/")
 * }</pre>
 *
 * @param link the target of a {@link Style#LINK}, "" otherwise
 */
public record Inline(String text, Style style, String link) {
    public enum Style { PLAIN, EMPHASIS, STRONG, CODE, LINK }

    public Inline {
        if (text == null || style == null || link == null) throw new IllegalArgumentException("text, style and link are not null");
    }

    public static Inline plain(String text) { return new Inline(text, Style.PLAIN, ""); }
}
