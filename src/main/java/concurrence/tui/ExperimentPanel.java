package concurrence.tui;

import concurrence.engine.Board;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.Ideal;
import concurrence.engine.Machine;
import concurrence.engine.Measurement;
import concurrence.engine.RunResult;
import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.i18n.Messages;
import concurrence.lesson.ExperimentDecl;
import concurrence.lesson.Reference;
import concurrence.report.Columns;
import concurrence.report.Durations;
import concurrence.turn.TurnMessages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The panel of the selected experiment block: what it will run and with which keys; live, one bar
 * per worker, the GIL's holder and the timeline; then the result table and each run's timeline.
 * For the other kinds of block: this machine, the runtimes, or everything measured so far.
 *
 * <pre>{@code
 * int rows = ExperimentPanel.wantedHeight(model, 78);        // for the layout
 * ExperimentPanel.draw(canvas, model, board.sample(rows));   // every frame
 * }</pre>
 *
 * <p>The panel is a column of sections; each has the rows it needs at least and the rows it would
 * like. A short panel gives every section its minimum, then grows them in a set order (bars
 * first, the table, the GIL lane, the timelines last).
 */
public final class ExperimentPanel {
    private ExperimentPanel() {}

    /** The most worker rows the bars ask for; more workers are summed up under them. */
    static final int MAX_BAR_ROWS = 16;
    /** The most lanes a timeline asks for. */
    static final int MAX_LANES = 8;

    interface Painter { void paint(Canvas c); }

    /** A part of the panel: the rows it needs, the rows it would like, its rank when growing (0 first). */
    record Section(int min, int want, int rank, Painter painter) {}

    /** The rows this panel would like, as wide as the terminal (or its right half). */
    public static int wantedHeight(Model m, int width) {
        return sections(m, Board.Snapshot.EMPTY, View.messages(m.language()), width).stream().mapToInt(Section::want).sum();
    }

    public static void draw(Canvas c, Model m, Board.Snapshot s) {
        List<Section> sections = sections(m, s, View.messages(m.language()), c.width());
        int[] heights = allocate(sections, c.height());
        int y = 0;
        for (int i = 0; i < sections.size(); i++) {
            if (heights[i] > 0) sections.get(i).painter().paint(c.region(0, y, c.width(), heights[i]));
            y += heights[i];
        }
    }

    /** Minimums first, in order; then what is left, by rank. */
    static int[] allocate(List<Section> sections, int height) {
        int[] h = new int[sections.size()];
        int left = Math.max(0, height);
        for (int i = 0; i < sections.size() && left > 0; i++) {
            h[i] = Math.min(sections.get(i).min(), left);
            left -= h[i];
        }
        int maxRank = sections.stream().mapToInt(Section::rank).max().orElse(0);
        for (int rank = 0; rank <= maxRank && left > 0; rank++)
            for (int i = 0; i < sections.size() && left > 0; i++) {
                if (sections.get(i).rank() != rank) continue;
                int more = Math.min(left, sections.get(i).want() - h[i]);
                if (more > 0) {
                    h[i] += more;
                    left -= more;
                }
            }
        return h;
    }

    static List<Section> sections(Model m, Board.Snapshot s, Messages msg, int width) {
        Optional<ExperimentDecl> d = m.selected();
        List<Section> out = new ArrayList<>();
        if (d.isEmpty()) return out;
        ExperimentDecl decl = d.get();
        BlockKey key = m.blockKey();
        out.add(new Section(1, 1, 0, c -> title(c, m, decl, msg)));
        switch (decl.kind()) {
            case RUN -> run(out, m, s, decl, key, msg);
            case MACHINE -> text(out, machine(m, msg, width));
            case RUNTIMES -> text(out, runtimes(m, msg, width));
            case SUMMARY -> summary(out, m, msg);
        }
        return out;
    }

    private record TitleKey(ExperimentDecl decl, int block, int count, int width, String language, Glyphs glyphs) {}

    private static final Memo<TitleKey, String> TITLE = new Memo<>();

    private static void title(Canvas c, Model m, ExperimentDecl decl, Messages msg) {
        String text = TITLE.get(new TitleKey(decl, m.blockKey().block(), m.experiments().size(), c.width(), msg.language(), m.glyphs()),
                k -> titleText(k, msg));
        c.put(0, 0, text, Style.of(Tone.ACCENT).bold());
    }

    /** {@code ─ Expérience : tâches io, threads, sequential ──────}, as wide as the panel. */
    private static String titleText(TitleKey k, Messages msg) {
        ExperimentDecl decl = k.decl();
        String which = k.count() > 1 ? View.say(msg, "tui.panel.which", k.block() + 1, k.count()) : "";
        String what = switch (decl.kind()) {
            case RUN -> View.say(msg, "tui.panel.run", decl.task().id(), String.join(", ", decl.compare().stream().map(StrategyKind::id).toList()));
            case MACHINE -> View.say(msg, "tui.panel.machine");
            case RUNTIMES -> View.say(msg, "tui.panel.runtimes");
            case SUMMARY -> View.say(msg, "tui.panel.summary");
        };
        String h = String.valueOf(k.glyphs().horizontal());
        String text = Text.fit(h + " " + what + (which.isEmpty() ? "" : " " + which) + " ", k.width(), k.glyphs().ellipsis());
        return text + h.repeat(Math.max(0, k.width() - Text.width(text)));
    }

    private static void run(List<Section> out, Model m, Board.Snapshot s, ExperimentDecl decl, BlockKey key, Messages msg) {
        Glyphs g = m.glyphs();
        List<Measurement> results = m.results(key);
        if (m.run() instanceof RunState.Running r && r.block().equals(key)) {
            ExperimentSpec spec = r.current();
            boolean live = s.spec().isPresent() && s.spec().get().equals(spec);
            int workers = spec.effectiveWorkers();
            out.add(new Section(1, 1, 0, c -> c.put(0, 0, Text.fit(status(m, r, s, live, msg), c.width(), g.ellipsis()), Style.PLAIN)));
            int barsWant = workers <= MAX_BAR_ROWS ? workers : 10;
            out.add(new Section(Math.min(workers, 3), barsWant, 1, c -> {
                if (r.waiting().isPresent()) {
                    RunState.Waiting w = r.waiting().get();
                    List<Line> lines = Wrap.wrap(List.of(new Segment(TurnMessages.waiting(msg, w.ahead(), w.waited(), w.maxWait()),
                            Style.of(Tone.WARNING))), c.width(), "", "", Style.PLAIN);
                    for (int y = 0; y < lines.size(); y++) lines.get(y).draw(c, 0, y);
                } else if (live) Bars.draw(c, s, g, msg);
                else c.put(0, 0, Text.fit(View.say(msg, "tui.panel.preparing", spec.strategy().id()), c.width(), g.ellipsis()), Style.of(Tone.DIM));
            }));
            long axis = Timeline.axis(Ideal.nanos(spec, m.machine().cores(), spec.taskNanos()), s.elapsedNanos());
            if (gilLane(spec))
                out.add(new Section(0, 1, 3, c -> {
                    if (live) Timeline.gil(c, 0, s.handoffs(), s.elapsedNanos(), axis, nameWidth(s, c.width(), msg), g, msg);
                }));
            if (m.timeline()) {
                int lanes = Math.min(workers, MAX_LANES);
                out.add(new Section(0, lanes + 1, 4, c -> {
                    if (live && c.height() >= 2)
                        Timeline.draw(c, s.spans(), s.workers().stream().map(Board.WorkerRow::name).toList(), s.workerCount(),
                                axis, nameWidth(s, c.width(), msg), g, msg);
                }));
            }
            if (!results.isEmpty())
                out.add(new Section(0, ResultView.height(results, m.machine()), 2, c -> ResultView.draw(c, results, decl, m.machine(), g, msg)));
            return;
        }
        List<Line> info = info(m, decl, key, !results.isEmpty(), msg);
        out.add(new Section(Math.min(1, info.size()), info.size(), 0, c -> {
            for (int y = 0; y < info.size(); y++) info.get(y).draw(c, 0, y);
        }));
        if (results.isEmpty()) return;
        out.add(new Section(Math.min(2, ResultView.height(results, m.machine())), ResultView.height(results, m.machine()), 1,
                c -> ResultView.draw(c, results, decl, m.machine(), g, msg)));
        if (m.timeline()) out.add(timelines(results, g, msg));
    }

    /**
     * The timelines of a block's runs, one above the other on one time axis, so that overlapping
     * tasks and a staircase compare at a glance; on a GIL, for compute tasks, who held the lock.
     * Short of rows, the widest timelines lose lanes first, each keeping one at least.
     */
    static Section timelines(List<Measurement> results, Glyphs g, Messages msg) {
        long axis = Math.max(1, results.stream().mapToLong(x -> x.last().wallNanos()).max().orElse(1));
        int n = results.size();
        int[] lanes = new int[n];
        boolean[] gil = new boolean[n];
        int want = 1;
        for (int i = 0; i < n; i++) {
            RunResult last = results.get(i).last();
            lanes[i] = Math.min(last.workerNames().size(), MAX_LANES);
            gil[i] = gilLane(results.get(i).spec()) && !last.handoffs().isEmpty();
            want += 1 + lanes[i] + (gil[i] ? 1 : 0);
        }
        int wanted = want;
        return new Section(0, want, 2, c -> {
            int[] shown = lanes.clone();
            int excess = wanted - c.height();
            while (excess > 0) {
                int widest = 0;
                for (int i = 1; i < n; i++) if (shown[i] > shown[widest]) widest = i;
                if (shown[widest] <= 1) break;
                shown[widest]--;
                excess--;
            }
            List<String> all = new ArrayList<>();
            for (Measurement meas : results) all.addAll(meas.last().workerNames().stream().limit(MAX_LANES).toList());
            int nameW = Bars.nameWidth(all, c.width());
            int y = 0;
            for (int i = 0; i < n && y < c.height() - 1; i++) {
                Measurement meas = results.get(i);
                RunResult last = meas.last();
                int hidden = last.workerNames().size() - shown[i];
                String label = meas.spec().strategy().id() + " (" + meas.spec().runtime().id() + ")"
                        + (hidden > 0 ? " · " + View.say(msg, "tui.timeline.hidden", Text.count(hidden, msg.locale())) : "");
                c.put(0, y++, Text.fit(label, c.width(), g.ellipsis()), Style.of(Tone.ACCENT).italic());
                int rows = Math.max(0, Math.min(shown[i], c.height() - 1 - y));
                Timeline.lanes(c.region(0, y, c.width(), rows), last.timeline(), last.workerNames(), rows, axis, nameW, g);
                y += rows;
                if (gil[i] && y < c.height() - 1) Timeline.gil(c, y++, last.handoffs(), last.wallNanos(), axis, nameW, g, msg);
            }
            Timeline.axis(c, Math.min(y, c.height() - 1), nameW, axis, 0, g, msg);
        });
    }

    /**
     * Whether a spec has a GIL that workers hand over: not a process pool (one GIL per child), not
     * a single worker (nobody to hand it to).
     */
    static boolean gil(ExperimentSpec spec) {
        return spec.runtime().hasGil() && spec.strategy() != StrategyKind.PROCESSES && spec.effectiveWorkers() > 1;
    }

    /**
     * Whether a lane can show who holds the GIL: only the simulated one records its hand-overs
     * (CPython does not say who holds its own), for io runs too, where it shows the lock free.
     */
    static boolean gilLane(ExperimentSpec spec) { return gil(spec) && spec.runtime().isJvm(); }

    private static int nameWidth(Board.Snapshot s, int width, Messages msg) { return Bars.nameWidth(s, width, msg); }

    private static String status(Model m, RunState.Running r, Board.Snapshot s, boolean live, Messages msg) {
        ExperimentSpec spec = r.current();
        StringBuilder b = new StringBuilder(View.say(msg, "tui.panel.status", spec.strategy().id(), r.step() + 1, r.specs().size()));
        if (live) {
            b.append(" · ").append(Text.seconds(s.elapsedNanos(), msg.locale()));
            b.append(" · ").append(View.say(msg, "tui.panel.tasks.done", Text.count(s.tasksDone(), msg.locale()),
                    Text.count(s.tasksTotal(), msg.locale())));
            if (gil(spec) && s.gilHolder() >= 0) {
                String holder = s.gilHolder() < s.workers().size() ? s.workers().get(s.gilHolder()).name() : "#" + s.gilHolder();
                b.append(" · ").append(View.say(msg, "tui.panel.gil.holder", holder));
            } else if (gil(spec) && !s.handoffs().isEmpty()) {
                b.append(" · ").append(View.say(msg, "tui.panel.gil.free"));
            }
        }
        if (r.cancelling()) b.append(" · ").append(View.say(msg, "tui.panel.cancelling", m.glyphs().ellipsis()));
        return b.toString();
    }

    /** Before a run: what it will run, the notebook's figures, the keys. */
    private static List<Line> info(Model m, ExperimentDecl decl, BlockKey key, boolean ran, Messages msg) {
        List<Segment> settings = new ArrayList<>();
        Tuning t = m.tuning(key, decl);
        Optional<RuntimeKind> runtime = m.runtime(key, decl);
        settings.add(new Segment(View.say(msg, "tui.panel.tasks", Text.count(t.tasks(), msg.locale())), t.tasks() != decl.tasks()
                ? Style.of(Tone.WARNING).bold() : Style.PLAIN.bold()));
        settings.add(new Segment(" · ", Style.PLAIN));
        settings.add(new Segment(View.say(msg, "tui.panel.workers", Text.count(t.workers(), msg.locale())), t.workers() != decl.workers()
                ? Style.of(Tone.WARNING).bold() : Style.PLAIN.bold()));
        if (t.tasks() != decl.tasks() || t.workers() != decl.workers())
            settings.add(new Segment(" " + View.say(msg, "tui.panel.notebook.values", decl.tasks(), decl.workers()), Style.of(Tone.DIM)));
        settings.add(new Segment(" · ", Style.PLAIN));
        settings.add(runtime.isPresent()
                ? new Segment(View.say(msg, "tui.panel.runtime", runtime.get().id()), Style.of(Tone.ACCENT).bold())
                : new Segment(View.say(msg, "tui.panel.no.runtime", String.join(", ", decl.runtimes().stream().map(RuntimeKind::id).toList())),
                        Style.of(Tone.ERROR)));
        double scale = m.specs(key).stream().findFirst().map(ExperimentSpec::scale).orElse(decl.scale() * m.scale());
        if (scale != 1) settings.add(new Segment(" · " + View.say(msg, "tui.panel.scale", Durations.ratio(scale, msg.locale())), Style.PLAIN));
        List<Line> out = new ArrayList<>(Wrap.wrap(settings, 1000, "", "", Style.PLAIN));
        List<String> refs = new ArrayList<>();
        for (StrategyKind sk : decl.compare()) {
            Optional<Reference> ref = decl.reference(sk);
            ref.ifPresent(r -> refs.add(sk.id() + " " + Columns.notebook(r, msg.locale())));
        }
        if (!refs.isEmpty() && !ran) out.add(Line.of(View.say(msg, "tui.panel.references", String.join(" · ", refs)), Style.of(Tone.DIM)));
        out.add(keys(View.say(msg, ran ? "tui.panel.keys.again" : "tui.panel.keys"), m.glyphs(), msg));
        return out;
    }

    /** "Entrée|lancer;b|runtime" as keys in colour and their meaning. */
    static Line keys(String spec, Glyphs g, Messages msg) {
        List<Segment> segs = new ArrayList<>();
        for (String pair : spec.split(";")) {
            int bar = pair.indexOf('|');
            if (!segs.isEmpty()) segs.add(new Segment("  ", Style.PLAIN));
            segs.add(new Segment(Overlays.keys(pair.substring(0, Math.max(0, bar)), g, msg), Style.of(Tone.ACCENT).bold()));
            segs.add(new Segment(" " + pair.substring(bar + 1), Style.PLAIN));
        }
        return new Line(segs);
    }

    private static void text(List<Section> out, List<Line> lines) {
        out.add(new Section(Math.min(1, lines.size()), lines.size(), 0, c -> {
            for (int y = 0; y < lines.size(); y++) lines.get(y).draw(c, 0, y);
        }));
    }

    /** This machine: cores and load first (what a measurement depends on), the runtimes found, then the rest. */
    private static List<Line> machine(Model m, Messages msg, int width) {
        Machine mc = m.machine();
        Glyphs g = m.glyphs();
        List<Line> out = new ArrayList<>();
        out.add(Line.of(Text.fit(View.say(msg, "check.cores", mc.cores(), mc.cpuModel()), width, g.ellipsis()), Style.PLAIN.bold()));
        if (m.load() >= 0) {
            boolean busy = Machine.busy(m.load(), mc.cores());
            out.add(Line.of(Text.fit(View.say(msg, "check.load", Durations.ratio(m.load(), msg.locale()),
                    busy ? View.say(msg, "check.load.busy") : View.say(msg, "check.load.quiet")), width, g.ellipsis()),
                    Style.of(busy ? Tone.WARNING : Tone.OK)));
        }
        out.add(Line.of(View.say(msg, "check.runtimes"), Style.PLAIN));
        for (RuntimeKind r : RuntimeKind.values()) {
            boolean here = m.available().contains(r);
            String state = here ? "yes" : m.searching() && !r.isJvm() ? "searching" : "no";
            String line = "  " + View.say(msg, "check.runtime." + state, r.id(), View.say(msg, "runtime.describe." + r.id()));
            out.add(Line.of(Text.fit(line, width, g.ellipsis()), here ? Style.PLAIN : Style.of(Tone.DIM)));
        }
        out.add(Line.of(Text.fit(View.say(msg, "check.memory", Durations.mebibytes(mc.memoryBytes(), msg.locale(), View.say(msg, "unit.mib"))),
                width, g.ellipsis()), Style.PLAIN));
        out.add(Line.of(Text.fit(View.say(msg, "check.host", mc.host()), width, g.ellipsis()), Style.PLAIN));
        out.add(Line.of(Text.fit(View.say(msg, "check.jvm", mc.jvm()), width, g.ellipsis()), Style.PLAIN));
        return out;
    }

    /** The runtimes, with or without a GIL, found or not, each described (wrapped under its own column). */
    private static List<Line> runtimes(Model m, Messages msg, int width) {
        List<Line> out = new ArrayList<>();
        for (RuntimeKind r : RuntimeKind.values()) {
            boolean here = m.available().contains(r);
            Style dim = Style.of(Tone.DIM);
            String gil = Text.pad(View.say(msg, r.hasGil() ? "tui.runtimes.gil" : "tui.runtimes.nogil"), 10);
            String found = Text.pad(View.say(msg, here ? "tui.runtimes.found" : "tui.runtimes.missing"), 9);
            List<Line> described = Wrap.wrap(List.of(new Segment(View.say(msg, "runtime.describe." + r.id()), dim)),
                    Math.max(1, width - 31), "", "", dim);
            for (int i = 0; i < described.size(); i++) {
                List<Segment> segs = new ArrayList<>();
                if (i == 0) {
                    segs.add(new Segment(Text.pad(r.id(), 11), here ? Style.PLAIN.bold() : dim));
                    segs.add(new Segment(gil, Style.of(r.hasGil() ? Tone.WARNING : Tone.OK)));
                    segs.add(new Segment(found + " ", here ? Style.of(Tone.OK) : dim));
                } else segs.add(new Segment(" ".repeat(31), Style.PLAIN));
                segs.addAll(described.get(i).segments());
                out.add(new Line(segs));
            }
        }
        return out;
    }

    /** Everything measured in earlier sessions (greyed) then in this one, beside the notebook's figure. */
    private static void summary(List<Section> out, Model m, Messages msg) {
        List<List<String>> grid = new ArrayList<>();
        grid.add(List.of(View.say(msg, "tui.summary.page"), View.say(msg, "table.strategy"), View.say(msg, "tui.summary.task"), View.say(msg, "table.runtime"),
                View.say(msg, "table.notebook"), View.say(msg, "table.wall"), View.say(msg, "table.efficiency")));
        for (Earlier e : m.earlier()) grid.add(summaryRow(e.page(), e.measurement(), e.notebook(), msg));
        int earlierRows = grid.size() - 1;
        for (var e : m.allResults()) {
            Optional<ExperimentDecl> decl = m.decl(e.getKey());
            for (Measurement meas : e.getValue())
                grid.add(summaryRow(e.getKey().page(), meas, decl.flatMap(d -> Model.notebookFigure(d, meas.spec())), msg));
        }
        if (grid.size() == 1) {
            List<Line> lines = Wrap.wrap(List.of(new Segment(View.say(msg, "tui.summary.empty"), Style.of(Tone.DIM))), 200, "", "", Style.PLAIN);
            text(out, lines);
            return;
        }
        int[] w = new int[grid.get(0).size()];
        for (List<String> row : grid) for (int i = 0; i < row.size(); i++) w[i] = Math.max(w[i], Text.width(row.get(i)));
        List<Line> lines = new ArrayList<>();
        for (int y = 0; y < grid.size(); y++) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < w.length; i++) b.append(Text.pad(grid.get(y).get(i), w[i])).append(i < w.length - 1 ? "  " : "");
            lines.add(Line.of(b.toString(), y == 0 ? Style.PLAIN.bold() : y <= earlierRows ? Style.of(Tone.DIM) : Style.PLAIN));
        }
        if (earlierRows > 0) lines.add(0, Line.of(View.say(msg, "tui.summary.earlier", earlierRows), Style.of(Tone.DIM).italic()));
        text(out, lines);
    }

    private static List<String> summaryRow(int page, Measurement meas, Optional<concurrence.lesson.Reference> notebook, Messages msg) {
        ExperimentSpec spec = meas.spec();
        return List.of(String.format("%02d", page), spec.strategy().id(), spec.task().id(), spec.runtime().id(),
                notebook.map(r -> Columns.notebook(r, msg.locale())).orElse("—"),
                meas.cancelled() ? View.say(msg, "table.cancelled") : Durations.format(meas.meanNanos(), msg.locale()),
                meas.cancelled() ? "—" : Durations.percent(meas.efficiency(), msg.locale()));
    }
}
