package concurrence.tui;

/** The student's own numbers of tasks and workers for a block, instead of the notebook's. */
public record Tuning(int tasks, int workers) {}
