package concurrence.engine.python;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kills a process and everything it started: the bridge, the workers of its
 * {@code ProcessPoolExecutor}, the fork server and the workers that one forked.
 *
 * <pre>{@code
 * ProcessTree.kill(process.toHandle());
 * }</pre>
 *
 * <p>The descendants are listed before the root dies, since an orphan is adopted by another
 * process and is no longer found under it; the root dies first, so that it cannot start a new
 * worker in their place. A worker started in the instant between the listing and the kill
 * escapes the list: the bridge's workers watch their parent and exit within a quarter of a
 * second of its death, so none outlives it anyway.
 */
final class ProcessTree {
    private ProcessTree() {}

    static void kill(ProcessHandle root) {
        List<ProcessHandle> family = root.descendants().toList();
        root.destroyForcibly();
        for (ProcessHandle p : family) p.destroyForcibly();
        for (ProcessHandle p : family) p.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** Kills the tree and waits up to {@code millis} for the root to be gone. */
    static void killAndWait(ProcessHandle root, long millis) {
        kill(root);
        try {
            root.onExit().get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // gone or going: the kernel finishes it
        }
    }
}
