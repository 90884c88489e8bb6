package concurrence.lesson;

import java.util.List;

/**
 * A block of a lesson page, as the screen and the line mode show it.
 *
 * <pre>{@code
 * switch (block) {
 *     case Block.Heading h -> ...
 *     case Block.Paragraph p -> ...
 *     ...
 * }
 * }</pre>
 */
public sealed interface Block {

    /** {@code ##} is level 2, {@code ###} level 3. */
    record Heading(int level, List<Inline> text) implements Block {
        public Heading { text = List.copyOf(text); }
    }

    record Paragraph(List<Inline> text) implements Block {
        public Paragraph { text = List.copyOf(text); }
    }

    /** A bullet or numbered list; each item is a list of blocks (usually one paragraph). */
    record ListBlock(boolean ordered, int start, List<List<Block>> items) implements Block {
        public ListBlock { items = items.stream().map(List::copyOf).toList(); }
    }

    record Quote(List<Block> blocks) implements Block {
        public Quote { blocks = List.copyOf(blocks); }
    }

    /** Fenced code: {@code language} is {@code python}, {@code java}, or anything else (shown plain). */
    record Code(String language, String text) implements Block {}

    /** A fenced {@code experiment} block, validated. */
    record Experiment(ExperimentDecl decl) implements Block {}

    /** A thematic break ({@code ---} in the text). */
    record Rule() implements Block {}
}
