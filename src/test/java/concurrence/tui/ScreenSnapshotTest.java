package concurrence.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import concurrence.engine.Board;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.Measurement;
import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import concurrence.journal.Load;
import concurrence.tui.lanterna.Frame;
import concurrence.tui.lanterna.Keys;
import concurrence.tui.lanterna.Palette;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;

import static concurrence.tui.Fixtures.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The screens as a terminal shows them: Lanterna's virtual terminal under a real
 * {@code TerminalScreen}, drawn by the same code as the app, compared with stored snapshots.
 */
@DisplayName("Les écrans, dans un terminal virtuel")
@Timeout(30)
class ScreenSnapshotTest {

    /** The screen after folding {@code keys} (typed into the virtual terminal) from {@code model}. */
    record Screen(DefaultVirtualTerminal vt, Model model) {
        List<String> rows() { return Snapshots.rows(vt); }
    }

    static Screen show(Model start, Board.Snapshot snapshot, int w, int h, KeyStroke... keys) throws IOException {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(w, h));
        TerminalScreen screen = new TerminalScreen(vt);
        screen.startScreen();
        screen.setCursorPosition(null);
        Model m = start.withSize(w, h);
        for (KeyStroke k : keys) vt.addInput(k);
        for (KeyStroke k; (k = screen.pollInput()) != null; ) m = Update.update(m, Keys.of(k)).model();
        new Frame(screen, new Palette(ColorMode.INDEXED_256)).draw(m, snapshot, false);
        return new Screen(vt, m);
    }

    static KeyStroke ch(char c) { return new KeyStroke(c, false, false); }

    static Model page(int number) { return Fixtures.at(Fixtures.model(80, 24), number); }

    static final ExperimentSpec THREADS_IO = ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.IO).withRuntime(RuntimeKind.JVM_GIL);

    /** Page 04 while its threads run: the model running step 0, the board halfway. */
    static Model runningPage4() {
        Model m = page(4);
        Step s = Update.update(m, Msg.Key.of(Msg.Key.Kind.ENTER));
        return s.model();
    }

    /** Page 04 after both strategies ran. */
    static Model finishedPage4() {
        Model m = page(4);
        var run = (Command.StartRun) Update.update(m, Msg.Key.of(Msg.Key.Kind.ENTER)).command().orElseThrow();
        m = Update.update(m, Msg.Key.of(Msg.Key.Kind.ENTER)).model();
        Measurement threads = Fixtures.measured(run.specs().get(0), S, "pool-1-thread-");
        Measurement seq = Fixtures.measured(run.specs().get(1), S, "");
        m = Update.update(m, new Msg.RunDone(run.runId(), 0, threads, Load.UNKNOWN)).model();
        return Update.update(m, new Msg.RunDone(run.runId(), 1, seq, Load.UNKNOWN)).model();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "120,40", "160,45"})
    @DisplayName("une page : le texte, le code Python coloré, le panneau de l'expérience")
    void page(int w, int h) throws IOException {
        Screen s = show(page(4), Board.Snapshot.EMPTY, w, h);
        Snapshots.assertMatches("page04-" + w + "x" + h, s.rows());
        TextCharacter header = s.vt().getCharacter(2, 0);
        assertEquals(new TextColor.Indexed(24), header.getBackgroundColor(), "the header is a bar of colour");
        assertEquals(new TextColor.Indexed(255), header.getForegroundColor(), "with light text, whatever the terminal's own colours");
        assertTrue(header.isBold());
        assertEquals(new TextColor.Indexed(80), s.vt().getCharacter(1, 1).getForegroundColor(), "the title in the heading colour");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "120,40", "160,45"})
    @DisplayName("une expérience en cours : une barre par worker, la chronologie, le GIL")
    void running(int w, int h) throws IOException {
        Screen s = show(runningPage4(), Fixtures.runningBoard(THREADS_IO).sample(h), w, h);
        Snapshots.assertMatches("running-" + w + "x" + h, s.rows());
        String all = String.join("\n", s.rows());
        assertTrue(all.contains("pool-1-thread-2") && all.contains("tâche 2"), all);
    }

    @Test
    @DisplayName("la ligne du GIL en direct : sur jvm+gil, qui le tient ; sur CPython, qui ne le dit pas, pas de ligne")
    void gilLaneOnlyWhereItIsKnown() throws IOException {
        String jvm = String.join("\n", show(runningPage4(), Fixtures.runningBoard(THREADS_IO).sample(24), 80, 24).rows());
        assertTrue(jvm.lines().anyMatch(l -> l.startsWith(" GIL ")), jvm);
        Model python = Fixtures.at(Fixtures.model(80, 24).withAvailable(java.util.EnumSet.allOf(RuntimeKind.class)), 4);
        Model running = Update.update(python, Msg.Key.of(Msg.Key.Kind.ENTER)).model();
        ExperimentSpec spec = ((RunState.Running) running.run()).current();
        assertEquals(RuntimeKind.PYTHON, spec.runtime(), "page 04 runs CPython first when it is there");
        String py = String.join("\n", show(running, Fixtures.runningBoard(spec).sample(24), 80, 24).rows());
        assertTrue(py.contains("tâche 2"), py);
        assertTrue(py.lines().noneMatch(l -> l.startsWith(" GIL ")), py);
    }

    @Test
    @DisplayName("dix mille threads virtuels : les barres qui tiennent, puis « … et N autres » et l'ensemble")
    void tenThousand() throws IOException {
        Model m = Update.update(page(14), Msg.Key.of(Msg.Key.Kind.ENTER)).model();
        ExperimentSpec vt = ExperimentSpec.notebook(StrategyKind.VIRTUAL_THREADS, TaskKind.IO).withTasks(10_000).withWorkers(10_000);
        Screen s = show(m, Fixtures.runningBoard(vt).sample(24), 80, 24);
        Snapshots.assertMatches("virtual-threads-80x24", s.rows());
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "120,40", "160,45"})
    @DisplayName("le tableau des résultats et les chronologies des deux stratégies")
    void results(int w, int h) throws IOException {
        Screen s = show(finishedPage4(), Board.Snapshot.EMPTY, w, h);
        Snapshots.assertMatches("results-" + w + "x" + h, s.rows());
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "120,40"})
    @DisplayName("le sommaire, ouvert avec Tab et parcouru avec ↓")
    void contents(int w, int h) throws IOException {
        Screen s = show(finishedPage4(), Board.Snapshot.EMPTY, w, h, new KeyStroke(KeyType.Tab), new KeyStroke(KeyType.ArrowDown));
        assertEquals(new Overlay.Contents(3), s.model().overlay());
        Snapshots.assertMatches("contents-" + w + "x" + h, s.rows());
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "120,40"})
    @DisplayName("l'aide, ouverte avec ?")
    void help(int w, int h) throws IOException {
        Screen s = show(page(4), Board.Snapshot.EMPTY, w, h, ch('?'));
        Snapshots.assertMatches("help-" + w + "x" + h, s.rows());
    }

    @Test
    @DisplayName("la page de la machine et celle de la synthèse")
    void machineAndSummary() throws IOException {
        Snapshots.assertMatches("machine-80x24", show(page(0), Board.Snapshot.EMPTY, 80, 24).rows());
        Model summary = Fixtures.at(finishedPage4(), 15);
        Snapshots.assertMatches("summary-80x24", show(summary, Board.Snapshot.EMPTY, 80, 24).rows());
    }

    @Test
    @DisplayName("la page de la machine : les Pythons sont « en recherche », pas absents, tant que la recherche dure")
    void pythonsSearched() throws IOException {
        Model searching = page(0).withSearching(true);
        String during = String.join("\n", show(searching, Board.Snapshot.EMPTY, 80, 24).rows());
        assertTrue(during.contains("[...] python     recherche en cours"), during);
        assertTrue(during.contains("[oui] jvm "), during);
        Model found = Update.update(searching, new Msg.RuntimesFound(java.util.EnumSet.of(RuntimeKind.JVM, RuntimeKind.JVM_GIL,
                RuntimeKind.PYTHON))).model();
        String after = String.join("\n", show(found, Board.Snapshot.EMPTY, 80, 24).rows());
        assertTrue(after.contains("[oui] python "), after);
        assertTrue(after.contains("[non] python-ft "), after);
        assertTrue(!after.contains("recherche en cours"), after);
    }

    @Test
    @DisplayName("trop petit : un message, et rien ne casse jusqu'à 1x1")
    void tiny() throws IOException {
        Snapshots.assertMatches("tiny-40x12", show(page(4), Board.Snapshot.EMPTY, 40, 12).rows());
        for (int[] size : new int[][] {{1, 1}, {2, 1}, {79, 24}, {80, 23}}) show(page(4), Board.Snapshot.EMPTY, size[0], size[1]);
    }

    @Test
    @DisplayName("sans couleurs (NO_COLOR), l'en-tête et la ligne choisie du sommaire restent visibles, en inverse vidéo")
    void noColor() throws IOException {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        TerminalScreen screen = new TerminalScreen(vt);
        screen.startScreen();
        Model m = Update.update(page(4), Msg.Key.of(Msg.Key.Kind.TAB)).model();
        new Frame(screen, new Palette(ColorMode.NONE)).draw(m, Board.Snapshot.EMPTY, false);
        TextCharacter header = vt.getCharacter(2, 0);
        assertTrue(header.isReversed());
        assertEquals(TextColor.ANSI.DEFAULT, header.getForegroundColor());
        int cursorRow = Snapshots.rows(vt).stream().filter(r -> r.contains("04  Threads")).findFirst().map(Snapshots.rows(vt)::indexOf).orElseThrow();
        assertTrue(vt.getCharacter(10, cursorRow).isReversed(), "the page under the cursor");
        assertTrue(!vt.getCharacter(10, cursorRow + 1).isReversed());
    }

    @Test
    @DisplayName("un redimensionnement du terminal virtuel arrive comme un message de taille")
    void resize() throws IOException {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        TerminalScreen screen = new TerminalScreen(vt);
        screen.startScreen();
        vt.setTerminalSize(new TerminalSize(160, 45));
        TerminalSize size = screen.doResizeIfNecessary();
        Model m = Update.update(page(4), new Msg.Resize(size.getColumns(), size.getRows())).model();
        assertTrue(m.wide());
        new Frame(screen, new Palette(ColorMode.ANSI_8)).draw(m, Board.Snapshot.EMPTY, true);
        assertEquals(Snapshots.rows(show(page(4), Board.Snapshot.EMPTY, 160, 45).vt()), Snapshots.rows(vt));
    }
}
