package concurrence.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records one run as it happens: timestamps every task on the run's clock, keeps the timeline and
 * the GIL's hand-overs, and forwards each moment to a listener as an {@link Event}.
 *
 * <pre>{@code
 * var rec = new Recorder(clock, spec, workers, board::accept);
 * rec.start();                         // the start gate
 * rec.taskStarted(worker, task); ... rec.progress(task, 0.5); ... rec.taskFinished(worker, task);
 * List<Span> timeline = rec.timeline();   // after every worker has been joined
 * }</pre>
 *
 * <p><b>Who writes what.</b> The per-task arrays ({@code workerOf}, {@code start}, {@code end})
 * have one writer per index: the worker running that task. The per-worker {@code names} have one
 * writer per index too. They are read only by {@link #timeline()} and {@link #workerNames()},
 * after the runner has joined every worker, which orders those writes before the reads. Progress
 * goes through {@link ProgressCells}, which a renderer may read at any time. The hand-over list
 * is guarded by its own monitor. The listener must be thread-safe: events arrive from every
 * worker at once.
 */
public final class Recorder {
    private final Clock clock;
    private final ExperimentSpec spec;
    private final Consumer<Event> listener;
    private final ProgressCells progress;
    private final int[] workerOf;
    private final long[] start;
    private final long[] end;
    private final String[] names;
    private final long[] pids;
    /** Guarded by itself. */
    private final List<Handoff> handoffs = new ArrayList<>();
    private volatile long gate;

    public Recorder(Clock clock, ExperimentSpec spec, int workers, Consumer<Event> listener) {
        this.clock = clock;
        this.spec = spec;
        this.listener = listener;
        this.progress = new ProgressCells(spec.tasks());
        this.workerOf = new int[spec.tasks()];
        this.start = new long[spec.tasks()];
        this.end = new long[spec.tasks()];
        Arrays.fill(workerOf, -1);
        Arrays.fill(end, -1);
        this.names = new String[workers];
        this.pids = new long[workers];
    }

    /** Passes the start gate: times from now on count from here. */
    public void start() {
        gate = clock.nanoTime();
        listener.accept(new Event.RunStarted(spec, names.length, gate, progress));
    }

    /** Nanoseconds since the start gate. */
    public long now() { return clock.nanoTime() - gate; }

    public void workerStarted(int worker, String name, long pid) {
        names[worker] = name;
        pids[worker] = pid;
        listener.accept(new Event.WorkerStarted(worker, name, pid, now()));
    }

    public void taskStarted(int worker, int task) {
        long t = now();
        workerOf[task] = worker;
        start[task] = t;
        listener.accept(new Event.TaskStarted(worker, task, t));
    }

    /** Hot path: a release store, no lock, no allocation. */
    public void progress(int task, double fraction) { progress.set(task, fraction); }

    public void taskFinished(int worker, int task) {
        long t = now();
        end[task] = t;
        progress.set(task, 1);
        listener.accept(new Event.TaskFinished(worker, task, t));
    }

    public void handoff(int from, int to) {
        long t = now();
        synchronized (handoffs) {
            handoffs.add(new Handoff(from, to, t));
        }
        listener.accept(new Event.LockHandedOver(from, to, t));
    }

    /** Every task that started, ordered by task; a task cut short by a cancel ends at {@code endOfRun}. */
    public List<Span> timeline(long endOfRun) {
        List<Span> spans = new ArrayList<>();
        for (int task = 0; task < workerOf.length; task++) {
            if (workerOf[task] < 0) continue;
            long e = end[task] >= 0 ? end[task] : Math.max(start[task], endOfRun);
            spans.add(new Span(workerOf[task], task, start[task], e));
        }
        return spans;
    }

    public List<Handoff> handoffs() {
        synchronized (handoffs) {
            return List.copyOf(handoffs);
        }
    }

    /** Each worker's name; a worker that never started is named by its index. */
    public List<String> workerNames() {
        List<String> out = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) out.add(names[i] != null ? names[i] : "#" + i);
        return out;
    }

    public ExperimentSpec spec() { return spec; }

    public Clock clock() { return clock; }

    public void emit(Event event) { listener.accept(event); }
}
