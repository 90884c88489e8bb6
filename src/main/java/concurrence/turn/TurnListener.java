package concurrence.turn;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a process waiting for its turn is told, so it can show it: how many experiments are ahead,
 * when its turn came, or why it runs without one.
 *
 * <pre>{@code
 * TurnListener l = new TurnListener() {
 *     public void waiting(int ahead, Duration waited) { status("waiting: " + ahead + " ahead"); }
 * };
 * }</pre>
 *
 * <p>Called on the thread that called {@link Turns#acquire}.
 */
public interface TurnListener {
    TurnListener NONE = (ahead, waited) -> {};

    /** Still waiting: {@code ahead} experiments before this one (the one running included); about once a second. */
    void waiting(int ahead, Duration waited);

    /** The turn came after {@code waited} (zero when nobody was ahead). */
    default void acquired(Duration waited) {}

    /** Waited {@code waited}, the most allowed: the experiment runs anyway, beside another. */
    default void gaveUp(Duration waited) {}

    /** No turn can be taken here (an unsafe or unusable folder): the experiment runs without one. */
    default void unavailable(Problem problem) {}

    /** Why the folder of turns cannot be used; the caller says it in the user's language. */
    record Problem(Path path, Kind kind, String detail) {
        public enum Kind {
            /** A symbolic link where the folder or the lock should be: never followed. */
            SYMLINK,
            /** Something else than a folder (or a plain file) there. */
            NOT_A_DIRECTORY,
            /** A folder another user owns that not everyone may write into (or without the sticky bit). */
            UNSAFE_OWNER,
            /** Any other failure to create, open or lock (permissions, a full disk). */
            IO
        }
    }
}
