package concurrence.engine.jvm;

import java.util.List;
import concurrence.engine.Clock;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The asyncio analogue: one thread running an event loop, and one coroutine per task, started
 * together as {@code asyncio.gather} does. An io task schedules its end on the loop's timer and
 * yields, so the loop runs the others while it waits; a cpu task runs on the loop's thread and
 * blocks everything else until it ends.
 *
 * <pre>{@code
 * // io: await asyncio.sleep(1)
 * recorder.taskStarted(task, task);
 * timers.add(new Timer(now + oneSecond, () -> recorder.taskFinished(task, task)));
 * }</pre>
 *
 * <p>The loop's queues belong to its one thread and need no lock: that is the whole point.
 */
public final class EventLoopStrategy implements JvmStrategy {

    private record Timer(long dueNanos, long order, Runnable action) {}

    @Override public List<Long> execute(JvmRun run) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService thread = Workers.singleThread("asyncio-loop");
        thread.execute(Workers.guarded(run.cancel(), failure, () -> loop(run)));
        Workers.awaitAll(thread, run.cancel(), failure);
        return List.of();
    }

    private void loop(JvmRun run) throws InterruptedException {
        Clock clock = run.recorder().clock();
        ArrayDeque<Runnable> ready = new ArrayDeque<>();
        PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.dueNanos != b.dueNanos
                ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.order, b.order));
        long pid = ProcessHandle.current().pid();
        long[] order = {0};
        for (int i = 0; i < run.spec().tasks(); i++) {
            int task = i;
            run.recorder().workerStarted(task, "Task-" + (task + 1), pid);
            ready.add(() -> step(run, task, clock, timers, order));
        }
        while (!ready.isEmpty() || !timers.isEmpty()) {
            run.cancel().check();
            Runnable next = ready.poll();
            if (next != null) {
                next.run();
                continue;
            }
            long wait = timers.peek().dueNanos - clock.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
                continue;
            }
            while (!timers.isEmpty() && timers.peek().dueNanos <= clock.nanoTime()) ready.add(timers.poll().action);
        }
    }

    /** A coroutine's first step: an io task awaits a timer, a cpu task computes to its end. */
    private void step(JvmRun run, int task, Clock clock, PriorityQueue<Timer> timers, long[] order) {
        try {
            run.gil().acquire(task);
            run.recorder().taskStarted(task, task);
            if (run.isIo()) {
                run.gil().release(task);
                timers.add(new Timer(clock.nanoTime() + run.spec().taskNanos(), order[0]++, () -> {
                    try {
                        run.gil().acquire(task);
                        run.recorder().taskFinished(task, task);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        run.gil().release(task);
                    }
                }));
            } else {
                try {
                    run.compute(task, task);
                    run.recorder().taskFinished(task, task);
                } finally {
                    run.gil().release(task);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.cancel().check();
        }
    }
}
