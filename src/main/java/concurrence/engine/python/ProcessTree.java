package concurrence.engine.python;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /** Sends the kill to the root and every descendant; returns them all, so that one can wait for them. */
    static List<ProcessHandle> kill(ProcessHandle root) {
        List<ProcessHandle> family = new java.util.ArrayList<>(root.descendants().toList());
        root.destroyForcibly();
        for (ProcessHandle p : family) p.destroyForcibly();
        for (ProcessHandle p : List.copyOf(family))
            p.descendants().forEach(d -> {
                d.destroyForcibly();
                family.add(d);
            });
        family.add(0, root);
        return family;
    }

    /** Kills the tree and waits up to {@code millis} in all for each of its processes to be gone. */
    static void killAndWait(ProcessHandle root, long millis) {
        awaitExit(kill(root), millis);
    }

    /** Waits up to {@code millis} in all for each process to be gone (a killed process is gone once reaped). */
    static void awaitExit(Collection<ProcessHandle> processes, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        for (ProcessHandle p : processes) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return;
            try {
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // gone or going: the kernel finishes it
            }
        }
    }
}
