package concurrence.tui;

/**
 * What stands above the page, if anything: the contents, the help, or a question.
 */
public sealed interface Overlay {
    record None() implements Overlay {}

    /** The table of contents, {@code cursor} on a page index. */
    record Contents(int cursor) implements Overlay {}

    record Help() implements Overlay {}

    /** "A run is going: quit anyway?" */
    record ConfirmQuit() implements Overlay {}

    /** "Others are using the cores (load {@code load}): run this cpu experiment anyway?" */
    record ConfirmBusy(double load) implements Overlay {}

    Overlay NONE = new None();
}
