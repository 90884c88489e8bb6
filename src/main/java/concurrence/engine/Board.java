package concurrence.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Folds a run's events into per-worker state that a renderer samples at its own pace.
 *
 * <pre>{@code
 * Board board = new Board(SystemClock.INSTANCE);
 * runner.run(spec, board, cancel);          // on a worker thread
 * Board.Snapshot s = board.sample(20);      // on the render thread, 15 times a second
 * }</pre>
 *
 * <p><b>How it never blocks the workers.</b> Workers only ever {@link #accept} events, which
 * appends them to a lock-free queue, and write progress into the run's {@link ProgressCells}.
 * All folding happens in {@link #sample}, on the sampling thread, under this board's monitor
 * (which guards every field below the queue); a worker never takes that monitor. So a slow
 * renderer delays nothing but itself.
 */
public final class Board implements Consumer<Event> {
    /** A worker's state: not started yet, running a task, idle between tasks, or done. */
    public enum State { WAITING, RUNNING, IDLE, DONE }

    /** One worker as the screen shows it. {@code task} is -1 when it holds none. */
    public record WorkerRow(int index, String name, long pid, State state, int task, double fraction,
                            long taskElapsedNanos, int tasksDone) {}

    /**
     * The board at one instant: the first {@code rows} workers, the totals, the spans so far of
     * those workers (a running task ends at {@code elapsedNanos}), and the GIL's hand-overs.
     */
    public record Snapshot(Optional<ExperimentSpec> spec, long elapsedNanos, List<WorkerRow> workers,
                           int workerCount, int tasksDone, int tasksTotal, int gilHolder,
                           List<Span> spans, List<Handoff> handoffs, Optional<RunResult> result) {
        public static final Snapshot EMPTY = new Snapshot(Optional.empty(), 0, List.of(), 0, 0, 0, -1,
                List.of(), List.of(), Optional.empty());

        public boolean running() { return spec.isPresent() && result.isEmpty(); }

        /** Overall progress, 0 to 1, counting each running task's fraction. */
        public double overall() {
            if (tasksTotal == 0) return result.isPresent() ? 1 : 0;
            double running = workers.stream().filter(w -> w.state() == State.RUNNING).mapToDouble(WorkerRow::fraction).sum();
            return Math.min(1, (tasksDone + running) / tasksTotal);
        }
    }

    private final Clock clock;
    private final ConcurrentLinkedQueue<Event> inbox = new ConcurrentLinkedQueue<>();

    // Guarded by this.
    private ExperimentSpec spec;
    private ProgressCells progress;
    private long gate;
    private String[] names = new String[0];
    private long[] pids = new long[0];
    private int[] taskOf = new int[0];
    private long[] taskStart = new long[0];
    private int[] done = new int[0];
    private boolean[] started = new boolean[0];
    private final List<Span> spans = new ArrayList<>();
    private final List<Handoff> handoffs = new ArrayList<>();
    private int tasksDone;
    private int holder = -1;
    private RunResult result;

    public Board(Clock clock) { this.clock = clock; }

    /** Called by workers, from any thread: never blocks. */
    @Override public void accept(Event event) { inbox.add(event); }

    /** Folds what arrived since the last call, then describes the first {@code rows} workers. */
    public synchronized Snapshot sample(int rows) {
        for (Event e; (e = inbox.poll()) != null; ) fold(e);
        if (spec == null) return Snapshot.EMPTY;
        long elapsed = result != null ? result.wallNanos() : clock.nanoTime() - gate;
        int shown = Math.min(rows, names.length);
        List<WorkerRow> out = new ArrayList<>(shown);
        for (int w = 0; w < shown; w++) {
            int task = taskOf[w];
            State state = result != null ? State.DONE : !started[w] ? State.WAITING : task >= 0 ? State.RUNNING : State.IDLE;
            double fraction = task >= 0 ? fraction(task, elapsed - taskStart[w]) : 0;
            out.add(new WorkerRow(w, names[w] != null ? names[w] : "#" + w, pids[w], state, task, fraction,
                    task >= 0 ? elapsed - taskStart[w] : 0, done[w]));
        }
        List<Span> visible = new ArrayList<>();
        for (Span s : spans) if (s.worker() < shown) visible.add(s);
        for (int w = 0; w < shown; w++)
            if (taskOf[w] >= 0 && result == null) visible.add(new Span(w, taskOf[w], taskStart[w], Math.max(taskStart[w], elapsed)));
        return new Snapshot(Optional.of(spec), elapsed, out, names.length, tasksDone, spec.tasks(), holder,
                visible, List.copyOf(handoffs), Optional.ofNullable(result));
    }

    /**
     * A cpu task's fraction is what it wrote; an io task's is the time it has waited over the time
     * it will wait (it computes nothing that could report), short of 1 until it really ends.
     */
    private double fraction(int task, long waited) {
        double written = progress.get(task);
        if (written > 0 || spec.task() == TaskKind.CPU) return written;
        return Math.min(0.999, waited / (double) spec.taskNanos());
    }

    private void fold(Event event) {
        switch (event) {
            case Event.RunStarted s -> reset(s);
            case Event.WorkerStarted w -> {
                if (w.worker() < names.length) {
                    names[w.worker()] = w.name();
                    pids[w.worker()] = w.pid();
                    started[w.worker()] = true;
                }
            }
            case Event.TaskStarted t -> {
                if (t.worker() < names.length) {
                    started[t.worker()] = true;
                    taskOf[t.worker()] = t.task();
                    taskStart[t.worker()] = t.atNanos();
                }
            }
            case Event.TaskProgress p -> {
                if (progress != null && p.task() < progress.size()) progress.set(p.task(), p.fraction());
            }
            case Event.TaskFinished f -> {
                if (f.worker() < names.length) {
                    long startedAt = taskOf[f.worker()] == f.task() ? taskStart[f.worker()] : f.atNanos();
                    spans.add(new Span(f.worker(), f.task(), Math.min(startedAt, f.atNanos()), f.atNanos()));
                    taskOf[f.worker()] = -1;
                    done[f.worker()]++;
                }
                tasksDone++;
            }
            case Event.LockHandedOver h -> {
                holder = h.to();
                handoffs.add(new Handoff(h.from(), h.to(), h.atNanos()));
            }
            case Event.RunFinished f -> result = f.result();
        }
    }

    private void reset(Event.RunStarted s) {
        spec = s.spec();
        progress = s.progress();
        gate = s.gateNanoTime();
        int n = s.workers();
        names = new String[n];
        pids = new long[n];
        taskOf = new int[n];
        java.util.Arrays.fill(taskOf, -1);
        taskStart = new long[n];
        done = new int[n];
        started = new boolean[n];
        spans.clear();
        handoffs.clear();
        tasksDone = 0;
        holder = -1;
        result = null;
    }
}
