package concurrence.tui;

import concurrence.engine.Runner;
import concurrence.engine.Runners;
import concurrence.engine.RuntimeKind;
import concurrence.journal.PageRef;
import concurrence.lesson.Course;
import concurrence.turn.Turns;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the full-screen app starts from: the course, where to open it, the choices made on the
 * command line, and where results and progress go (the journal, wired by the caller).
 *
 * <pre>{@code
 * var config = TuiConfig.of(course, lang -> CourseLoader.load(root, lang))
 *         .withStartPage(4).withScale(0.1);
 * int exit = App.run(config, System.err);
 * }</pre>
 *
 * @param course    the course in the language to open with
 * @param loader    loads the course in another language (key {@code L}); called off the screen's thread
 * @param startPage the page number to open (the next one that exists if it does not)
 * @param runtime   {@code --runtime}: the runtime to use where a block offers it
 * @param scale     {@code --scale}: multiplies every task's length
 * @param donePages numbers of the pages done in earlier sessions
 * @param sink      receives each measurement that ended uncancelled, with its page and load (for the journal)
 * @param pageShown receives each page the student opens (for the journal: where to start next time)
 * @param runners   the runner of each runtime, empty where it cannot run here
 * @param turns     the machine's turns: a cpu run waits for its own, so that classmates' runs never overlap
 * @param earlier   results kept from earlier sessions: the contents count them, the synthesis page lists them
 * @param exporter  writes the results into a file (key {@code e}); absent: the key says there is nothing to export to
 */
public record TuiConfig(Course course, Function<String, Course> loader, int startPage, Optional<RuntimeKind> runtime,
                        double scale, ColorMode colors, Glyphs glyphs, Set<Integer> donePages,
                        Consumer<Finished> sink, Consumer<PageRef> pageShown,
                        Function<RuntimeKind, Optional<Runner>> runners, Turns turns,
                        List<Earlier> earlier, Optional<Exporter> exporter) {
    public TuiConfig {
        if (course == null || loader == null || colors == null || glyphs == null || sink == null || pageShown == null || runners == null
                || turns == null
                || exporter == null)
            throw new IllegalArgumentException("every part of the configuration is required");
        donePages = Set.copyOf(donePages);
        earlier = List.copyOf(earlier);
    }

    /**
     * The defaults: first page, the block's runtimes, the notebook's scale, colours and glyphs for
     * a UTF-8 256-colour terminal, results kept nowhere, none from earlier sessions, nothing to export, the machine's turns in their usual folder.
     */
    public static TuiConfig of(Course course, Function<String, Course> loader) {
        return new TuiConfig(course, loader, 0, Optional.empty(), 1, ColorMode.INDEXED_256, Glyphs.of(Glyphs.Bars.EIGHTHS, false),
                Set.of(), f -> { }, p -> { }, Runners::forRuntime, Turns.shared(Map.of()), List.of(), Optional.empty());
    }

    public TuiConfig withStartPage(int n) { return new TuiConfig(course, loader, n, runtime, scale, colors, glyphs, donePages, sink, pageShown, runners, turns, earlier, exporter); }
    public TuiConfig withRuntime(Optional<RuntimeKind> r) { return new TuiConfig(course, loader, startPage, r, scale, colors, glyphs, donePages, sink, pageShown, runners, turns, earlier, exporter); }
    public TuiConfig withScale(double s) { return new TuiConfig(course, loader, startPage, runtime, s, colors, glyphs, donePages, sink, pageShown, runners, turns, earlier, exporter); }
    public TuiConfig withColors(ColorMode c) { return new TuiConfig(course, loader, startPage, runtime, scale, c, glyphs, donePages, sink, pageShown, runners, turns, earlier, exporter); }
    public TuiConfig withGlyphs(Glyphs g) { return new TuiConfig(course, loader, startPage, runtime, scale, colors, g, donePages, sink, pageShown, runners, turns, earlier, exporter); }
    public TuiConfig withDonePages(Set<Integer> d) { return new TuiConfig(course, loader, startPage, runtime, scale, colors, glyphs, d, sink, pageShown, runners, turns, earlier, exporter); }
    public TuiConfig withSink(Consumer<Finished> s) { return new TuiConfig(course, loader, startPage, runtime, scale, colors, glyphs, donePages, s, pageShown, runners, turns, earlier, exporter); }
    public TuiConfig withPageShown(Consumer<PageRef> p) { return new TuiConfig(course, loader, startPage, runtime, scale, colors, glyphs, donePages, sink, p, runners, turns, earlier, exporter); }
    public TuiConfig withTurns(Turns t) { return new TuiConfig(course, loader, startPage, runtime, scale, colors, glyphs, donePages, sink, pageShown, runners, t, earlier, exporter); }
    public TuiConfig withRunners(Function<RuntimeKind, Optional<Runner>> r) { return new TuiConfig(course, loader, startPage, runtime, scale, colors, glyphs, donePages, sink, pageShown, r, turns, earlier, exporter); }
    public TuiConfig withEarlier(List<Earlier> e) { return new TuiConfig(course, loader, startPage, runtime, scale, colors, glyphs, donePages, sink, pageShown, runners, turns, e, exporter); }
    public TuiConfig withExporter(Exporter e) { return new TuiConfig(course, loader, startPage, runtime, scale, colors, glyphs, donePages, sink, pageShown, runners, turns, earlier, Optional.of(e)); }
}
