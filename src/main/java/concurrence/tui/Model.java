package concurrence.tui;

import concurrence.engine.ExperimentSpec;
import concurrence.engine.Machine;
import concurrence.engine.Measurement;
import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.lesson.Course;
import concurrence.lesson.ExperimentDecl;
import concurrence.lesson.Lesson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the screen shows, as one immutable value: {@link Update#update} makes the next one,
 * {@link View#draw} draws it. The live bars are not here: they come from the engine's board,
 * sampled at each frame, and drawn beside the model.
 *
 * <pre>{@code
 * Model m = Model.start(course, 4, config...);
 * m.lesson().title();            // "Threads et tâches IO-bound"
 * m.specs(m.blockKey());         // what Enter would run
 * }</pre>
 *
 * @param page      index of the page shown in {@code course.lessons()}
 * @param scroll    first line of the page text shown
 * @param block     the experiment block the keys act on, among the page's experiments
 * @param tunings   tasks and workers chosen by the student, by block (absent: the notebook's)
 * @param runtimes  runtimes chosen with {@code b}, by block (absent: the first available)
 * @param preferredRuntime {@code --runtime}: used where a block offers it
 * @param scale     {@code --scale}: multiplies every task's length
 * @param available the runtimes this machine can run
 * @param results   what was measured in this session, by block, in the block's order
 * @param done      numbers of the pages done (from earlier sessions, and this one)
 * @param columns   the terminal's width
 * @param rows      the terminal's height
 * @param load      the machine's latest one-minute load average (-1: unknown), as shown
 * @param others    the cores other programs kept busy over the last seconds (-1: unknown): what the
 *                  warning before a cpu run judges, since the load average still counts a run
 *                  that ended a minute ago (ours, or a classmate's that held the turn)
 * @param notice    the status line's message, if any
 * @param earlier   results kept from earlier sessions (read by the caller from the journal)
 * @param searching the search for the Pythons is still going: they are not "missing" yet
 */
public record Model(Course course,
                    int page,
                    int scroll,
                    int block,
                    CodeLanguage code,
                    boolean timeline,
                    Map<BlockKey, Tuning> tunings,
                    Map<BlockKey, RuntimeKind> runtimes,
                    Optional<RuntimeKind> preferredRuntime,
                    double scale,
                    Set<RuntimeKind> available,
                    Overlay overlay,
                    RunState run,
                    int nextRunId,
                    Map<BlockKey, List<Measurement>> results,
                    Set<Integer> done,
                    int columns,
                    int rows,
                    Glyphs glyphs,
                    Machine machine,
                    double load,
                    double others,
                    Optional<Notice> notice,
                    List<Earlier> earlier,
                    boolean searching) {

    /** Which code blocks the page shows: the notebook's Python or this app's Java. */
    public enum CodeLanguage { PYTHON, JAVA }

    /** The smallest terminal the app lays itself out in. */
    public static final int MIN_COLUMNS = 80;
    public static final int MIN_ROWS = 24;
    /**
     * From this width on, the text stands beside the experiment panel: each then keeps the width it
     * needs, about 70 columns for the result table and 66 or more for the notebook's code lines.
     * Narrower, side by side, code wrapped every other line; so the panel goes below the text.
     */
    public static final int WIDE_COLUMNS = 140;

    public Model {
        if (course == null || course.lessons().isEmpty()) throw new IllegalArgumentException("a course has at least one page");
        tunings = Map.copyOf(tunings);
        runtimes = Map.copyOf(runtimes);
        available = Set.copyOf(available);
        results = Map.copyOf(results);
        done = Set.copyOf(done);
        earlier = List.copyOf(earlier);
        page = Math.max(0, Math.min(page, course.lessons().size() - 1));
        scroll = Math.max(0, scroll);
        columns = Math.max(0, columns);
        rows = Math.max(0, rows);
    }

    /**
     * The first screen: page number {@code startPage} (or the next one that exists), nothing run yet.
     */
    public static Model start(Course course, int startPage, Optional<RuntimeKind> preferredRuntime, double scale,
                              Set<RuntimeKind> available, Set<Integer> done, Glyphs glyphs, Machine machine,
                              int columns, int rows) {
        return new Model(course, indexOf(course, startPage), 0, 0, CodeLanguage.PYTHON, true, Map.of(), Map.of(),
                preferredRuntime, scale, available, Overlay.NONE, RunState.IDLE, 1, Map.of(), done, columns, rows,
                glyphs, machine, -1, -1, Optional.empty(), List.of(), false);
    }

    /** The index of page number {@code number}, or of the first page after it, or the last page. */
    public static int indexOf(Course course, int number) {
        List<Lesson> pages = course.lessons();
        for (int i = 0; i < pages.size(); i++) if (pages.get(i).number() >= number) return i;
        return pages.size() - 1;
    }

    public Lesson lesson() { return course.lessons().get(page); }

    public String language() { return course.language(); }

    public boolean running() { return run instanceof RunState.Running; }

    public boolean tooSmall() { return columns < MIN_COLUMNS || rows < MIN_ROWS; }

    public boolean wide() { return columns >= WIDE_COLUMNS; }

    /** The current page's experiment blocks. */
    public List<ExperimentDecl> experiments() { return lesson().experiments(); }

    public Optional<ExperimentDecl> selected() {
        List<ExperimentDecl> all = experiments();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(Math.min(block, all.size() - 1)));
    }

    public BlockKey blockKey() { return new BlockKey(lesson().number(), Math.min(block, Math.max(0, experiments().size() - 1))); }

    /** The block {@code key} names, if its page is in this course. */
    public Optional<ExperimentDecl> decl(BlockKey key) {
        for (Lesson l : course.lessons())
            if (l.number() == key.page()) {
                List<ExperimentDecl> e = l.experiments();
                return key.block() < e.size() ? Optional.of(e.get(key.block())) : Optional.empty();
            }
        return Optional.empty();
    }

    /** The runtimes of a block this machine can run, in the block's order. */
    public List<RuntimeKind> availableRuntimes(ExperimentDecl decl) {
        return decl.runtimes().stream().filter(available::contains).toList();
    }

    /** The runtime a block runs on: chosen with b, else --runtime if it offers it, else its first available. */
    public Optional<RuntimeKind> runtime(BlockKey key, ExperimentDecl decl) {
        List<RuntimeKind> offered = availableRuntimes(decl);
        RuntimeKind chosen = runtimes.get(key);
        if (chosen != null && offered.contains(chosen)) return Optional.of(chosen);
        if (preferredRuntime.isPresent() && offered.contains(preferredRuntime.get())) return preferredRuntime;
        return offered.stream().findFirst();
    }

    /** Tasks and workers of a block: the student's, else the notebook's. */
    public Tuning tuning(BlockKey key, ExperimentDecl decl) {
        return tunings.getOrDefault(key, new Tuning(decl.tasks(), decl.workers()));
    }

    /** The most workers a block's pool may have: fewer when it starts processes. */
    public static int maxWorkers(ExperimentDecl decl) {
        return decl.compare().contains(StrategyKind.PROCESSES) ? ExperimentSpec.MAX_PROCESS_WORKERS : ExperimentSpec.MAX_WORKERS;
    }

    /** What Enter runs for a block: one spec per compared strategy, with the student's settings. */
    public List<ExperimentSpec> specs(BlockKey key) {
        Optional<ExperimentDecl> d = decl(key);
        if (d.isEmpty() || d.get().kind() != ExperimentDecl.Kind.RUN) return List.of();
        Optional<RuntimeKind> r = runtime(key, d.get());
        if (r.isEmpty()) return List.of();
        Tuning t = tuning(key, d.get());
        double s = Math.max(ExperimentSpec.MIN_SCALE, Math.min(ExperimentSpec.MAX_SCALE, d.get().scale() * scale));
        List<ExperimentSpec> out = new ArrayList<>();
        for (ExperimentSpec spec : d.get().specs(r.get()))
            out.add(spec.withTasks(t.tasks()).withWorkers(Math.min(t.workers(), maxWorkers(d.get()))).withScale(s));
        return out;
    }

    /**
     * The notebook's figure for a measured spec, only when the spec is the page's own experiment:
     * rescaled ({@code --scale}) or with other numbers of tasks or workers, it measured something
     * else, and setting the two side by side would mislead.
     */
    public static Optional<concurrence.lesson.Reference> notebookFigure(ExperimentDecl decl, ExperimentSpec spec) {
        boolean same = spec.tasks() == decl.tasks() && spec.workers() == Math.min(decl.workers(), maxWorkers(decl))
                && Math.abs(spec.scale() - decl.scale()) < 1e-9 && spec.repeat() == decl.repeat();
        return same ? decl.reference(spec.strategy()) : Optional.empty();
    }

    public List<Measurement> results(BlockKey key) { return results.getOrDefault(key, List.of()); }

    /** Every result of this session, page by page, block by block. */
    public List<Map.Entry<BlockKey, List<Measurement>>> allResults() {
        List<Map.Entry<BlockKey, List<Measurement>>> out = new ArrayList<>(results.entrySet());
        out.sort((a, b) -> a.getKey().page() != b.getKey().page() ? Integer.compare(a.getKey().page(), b.getKey().page())
                : Integer.compare(a.getKey().block(), b.getKey().block()));
        return out;
    }

    public Model withSize(int c, int r) { return new Model(course, page, scroll, block, code, timeline, tunings, runtimes, preferredRuntime, scale, available, overlay, run, nextRunId, results, done, c, r, glyphs, machine, load, others, notice, earlier, searching); }

    public Model withEarlier(List<Earlier> value) { return new Model(course, page, scroll, block, code, timeline, tunings, runtimes, preferredRuntime, scale, available, overlay, run, nextRunId, results, done, columns, rows, glyphs, machine, load, others, notice, value, searching); }

    /** The results kept from earlier sessions for page number {@code number}. */
    public List<Earlier> earlier(int number) { return earlier.stream().filter(e -> e.page() == number).toList(); }

    public Model withResult(BlockKey key, List<Measurement> list) {
        Map<BlockKey, List<Measurement>> m = new HashMap<>(results);
        m.put(key, List.copyOf(list));
        return withResults(m);
    }

    public Model withDone(int number) {
        if (done.contains(number)) return this;
        Set<Integer> d = new HashSet<>(done);
        d.add(number);
        return withDone(d);
    }

    public Model withCourse(Course value) { return new Model(value, page, scroll, block, code, timeline, tunings, runtimes, preferredRuntime, scale, available, overlay, run, nextRunId, results, done, columns, rows, glyphs, machine, load, others, notice, earlier, searching); }
    public Model withPage(int value) { return new Model(course, value, scroll, block, code, timeline, tunings, runtimes, preferredRuntime, scale, available, overlay, run, nextRunId, results, done, columns, rows, glyphs, machine, load, others, notice, earlier, searching); }
    public Model withScroll(int value) { return new Model(course, page, value, block, code, timeline, tunings, runtimes, preferredRuntime, scale, available, overlay, run, nextRunId, results, done, columns, rows, glyphs, machine, load, others, notice, earlier, searching); }
    public Model withBlock(int value) { return new Model(course, page, scroll, value, code, timeline, tunings, runtimes, preferredRuntime, scale, available, overlay, run, nextRunId, results, done, columns, rows, glyphs, machine, load, others, notice, earlier, searching); }
    public Model withCode(CodeLanguage value) { return new Model(course, page, scroll, block, value, timeline, tunings, runtimes, preferredRuntime, scale, available, overlay, run, nextRunId, results, done, columns, rows, glyphs, machine, load, others, notice, earlier, searching); }
    public Model withTimeline(boolean value) { return new Model(course, page, scroll, block, code, value, tunings, runtimes, preferredRuntime, scale, available, overlay, run, nextRunId, results, done, columns, rows, glyphs, machine, load, others, notice, earlier, searching); }
    public Model withTunings(Map<BlockKey, Tuning> value) { return new Model(course, page, scroll, block, code, timeline, value, runtimes, preferredRuntime, scale, available, overlay, run, nextRunId, results, done, columns, rows, glyphs, machine, load, others, notice, earlier, searching); }
    public Model withRuntimes(Map<BlockKey, RuntimeKind> value) { return new Model(course, page, scroll, block, code, timeline, tunings, value, preferredRuntime, scale, available, overlay, run, nextRunId, results, done, columns, rows, glyphs, machine, load, others, notice, earlier, searching); }
    public Model withPreferredRuntime(Optional<RuntimeKind> value) { return new Model(course, page, scroll, block, code, timeline, tunings, runtimes, value, scale, available, overlay, run, nextRunId, results, done, columns, rows, glyphs, machine, load, others, notice, earlier, searching); }
    public Model withScale(double value) { return new Model(course, page, scroll, block, code, timeline, tunings, runtimes, preferredRuntime, value, available, overlay, run, nextRunId, results, done, columns, rows, glyphs, machine, load, others, notice, earlier, searching); }
    public Model withAvailable(Set<RuntimeKind> value) { return new Model(course, page, scroll, block, code, timeline, tunings, runtimes, preferredRuntime, scale, value, overlay, run, nextRunId, results, done, columns, rows, glyphs, machine, load, others, notice, earlier, searching); }

    /** Whether the search for runtimes other than this JVM's (the Pythons) is still going. */
    public Model withSearching(boolean value) { return new Model(course, page, scroll, block, code, timeline, tunings, runtimes, preferredRuntime, scale, available, overlay, run, nextRunId, results, done, columns, rows, glyphs, machine, load, others, notice, earlier, value); }
    public Model withOverlay(Overlay value) { return new Model(course, page, scroll, block, code, timeline, tunings, runtimes, preferredRuntime, scale, available, value, run, nextRunId, results, done, columns, rows, glyphs, machine, load, others, notice, earlier, searching); }
    public Model withRun(RunState value) { return new Model(course, page, scroll, block, code, timeline, tunings, runtimes, preferredRuntime, scale, available, overlay, value, nextRunId, results, done, columns, rows, glyphs, machine, load, others, notice, earlier, searching); }
    public Model withNextRunId(int value) { return new Model(course, page, scroll, block, code, timeline, tunings, runtimes, preferredRuntime, scale, available, overlay, run, value, results, done, columns, rows, glyphs, machine, load, others, notice, earlier, searching); }
    public Model withResults(Map<BlockKey, List<Measurement>> value) { return new Model(course, page, scroll, block, code, timeline, tunings, runtimes, preferredRuntime, scale, available, overlay, run, nextRunId, value, done, columns, rows, glyphs, machine, load, others, notice, earlier, searching); }
    public Model withDone(Set<Integer> value) { return new Model(course, page, scroll, block, code, timeline, tunings, runtimes, preferredRuntime, scale, available, overlay, run, nextRunId, results, value, columns, rows, glyphs, machine, load, others, notice, earlier, searching); }
    public Model withGlyphs(Glyphs value) { return new Model(course, page, scroll, block, code, timeline, tunings, runtimes, preferredRuntime, scale, available, overlay, run, nextRunId, results, done, columns, rows, value, machine, load, others, notice, earlier, searching); }
    public Model withMachine(Machine value) { return new Model(course, page, scroll, block, code, timeline, tunings, runtimes, preferredRuntime, scale, available, overlay, run, nextRunId, results, done, columns, rows, glyphs, value, load, others, notice, earlier, searching); }
    public Model withOthers(double value) { return new Model(course, page, scroll, block, code, timeline, tunings, runtimes, preferredRuntime, scale, available, overlay, run, nextRunId, results, done, columns, rows, glyphs, machine, load, value, notice, earlier, searching); }
    public Model withLoad(double value) { return new Model(course, page, scroll, block, code, timeline, tunings, runtimes, preferredRuntime, scale, available, overlay, run, nextRunId, results, done, columns, rows, glyphs, machine, value, others, notice, earlier, searching); }
    public Model withNotice(Optional<Notice> value) { return new Model(course, page, scroll, block, code, timeline, tunings, runtimes, preferredRuntime, scale, available, overlay, run, nextRunId, results, done, columns, rows, glyphs, machine, load, others, value, earlier, searching); }
}
