package concurrence.tui;

/**
 * One experiment block of the course: the page's number and the block's index among the page's
 * experiments. Stable across languages, since both languages number their pages alike.
 */
public record BlockKey(int page, int block) {}
