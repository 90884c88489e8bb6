package concurrence.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lets a run be stopped at any moment: workers poll {@link #isCancelled()} between chunks of
 * work, and whatever blocks (a sleep, a child process) registers an action that unblocks it.
 *
 * <pre>{@code
 * var cancel = new Cancellation();
 * cancel.onCancel(pool::shutdownNow);
 * ...                       // from another thread, Esc pressed:
 * cancel.cancel();
 * }</pre>
 *
 * <p>The flag is volatile; actions registered after {@link #cancel()} run at once, so none is missed.
 */
public final class Cancellation {
    private volatile boolean cancelled;
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();

    public boolean isCancelled() { return cancelled; }

    public void cancel() {
        synchronized (this) {
            if (cancelled) return;
            cancelled = true;
        }
        for (Runnable r : actions) r.run();
    }

    public void onCancel(Runnable action) {
        boolean now;
        synchronized (this) {
            actions.add(action);
            now = cancelled;
        }
        if (now) action.run();
    }

    /** Throws {@link CancelledException} if the run was cancelled. */
    public void check() {
        if (cancelled) throw new CancelledException();
    }

    /** Thrown inside a worker to unwind a cancelled run. */
    public static final class CancelledException extends RuntimeException {
        public CancelledException() { super("cancelled", null, false, false); }
    }
}
