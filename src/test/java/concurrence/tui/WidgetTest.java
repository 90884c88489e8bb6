package concurrence.tui;

import concurrence.engine.Board;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.Handoff;
import concurrence.engine.Measurement;
import concurrence.engine.RunResult;
import concurrence.engine.RuntimeKind;
import concurrence.engine.Span;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import concurrence.i18n.Messages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.function.Consumer;

import static concurrence.tui.Fixtures.MS;
import static concurrence.tui.Fixtures.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Les widgets, dessinés en mémoire")
class WidgetTest {
    static final Messages FR = Messages.of("fr");
    static final Glyphs G = Fixtures.EIGHTHS;

    static void assertLines(TextGrid grid, String... lines) {
        assertEquals(String.join("\n", lines), String.join("\n", grid.rows()), () -> "\n" + grid);
    }

    /** Every widget, drawn into a canvas of w x h. */
    static List<Consumer<Canvas>> everyWidget() {
        ExperimentSpec io = ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.IO).withRuntime(RuntimeKind.JVM_GIL);
        Board.Snapshot running = Fixtures.runningBoard(io).sample(10);
        Measurement threads = Fixtures.measured(io, S, "pool-1-thread-");
        Model page4 = Fixtures.at(Fixtures.model(80, 24), 4);
        return List.of(
                c -> Bars.draw(c, running, G, FR),
                c -> Timeline.draw(c, running.spans(), List.of("a", "b"), 5, S, 4, G, FR),
                c -> Timeline.gil(c, 0, running.handoffs(), running.elapsedNanos(), S, 3, G, FR),
                c -> ResultView.draw(c, List.of(threads), page4.selected().orElseThrow(), Fixtures.MACHINE, G, FR),
                c -> ExperimentPanel.draw(c, page4, running),
                c -> Overlays.contents(c, page4, 2, FR),
                c -> Overlays.help(c, page4, FR),
                c -> Overlays.confirmQuit(c, page4, FR),
                c -> Overlays.confirmBusy(c, page4, 1.5, FR),
                c -> Box.centred(c, 10, 5, "titre", G),
                c -> View.draw(page4, running, c),
                c -> View.draw(page4.withSize(c.width(), c.height()), running, c),
                c -> View.header(c, page4, FR),
                c -> View.footer(c, page4, FR),
                c -> View.status(c, page4.withNotice(java.util.Optional.of(Notice.info("tui.notice.cancelled"))), FR));
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"0,0", "1,1", "2,1", "1,3", "7,2"})
    @DisplayName("chaque widget survit aux toutes petites tailles")
    void tinySizes(int w, int h) {
        for (Consumer<Canvas> widget : everyWidget()) {
            TextGrid grid = new TextGrid(w, h);
            widget.accept(grid);
            widget.accept(new TextGrid(80, 24).region(78, 22, w, h));
            assertEquals(h, grid.rows().size());
        }
    }

    @Nested
    @DisplayName("le canevas")
    class Canvases {
        @Test
        @DisplayName("une région coupe ce qui dépasse, des deux côtés")
        void regionClips() {
            TextGrid grid = new TextGrid(8, 2);
            Canvas r = grid.region(2, 0, 4, 1);
            r.put(-2, 0, "abcdefgh", Style.PLAIN);
            r.put(0, 1, "zzz", Style.PLAIN);
            assertLines(grid, "  cdef  ", "        ");
        }

        @Test
        @DisplayName("les nombres à la française et à l'anglaise : 9 980 et 9,980 ; 0,4 s et 0.4 s")
        void numbers() {
            assertEquals("9 980", Text.count(9980, java.util.Locale.FRENCH));
            assertEquals("10 000", Text.count(10_000, java.util.Locale.FRENCH));
            assertEquals("9,980", Text.count(9980, java.util.Locale.ENGLISH));
            assertEquals("998", Text.count(998, java.util.Locale.FRENCH));
            assertEquals("-1 000", Text.count(-1000, java.util.Locale.FRENCH));
            assertEquals("0,4 s", Text.seconds(449 * MS, java.util.Locale.FRENCH));
            assertEquals("12.0 s", Text.seconds(11_960 * MS, java.util.Locale.ENGLISH));
            assertEquals("0,0 s", Text.seconds(-5, java.util.Locale.FRENCH));
        }

        @Test
        @DisplayName("une lettre accentuée tient une cellule, même écrite en forme décomposée")
        void accentsTakeOneCell() {
            assertEquals(5, Text.width(Text.clean("Tâche")));
            assertEquals("é", Text.clean("e\u0301"));
            TextGrid grid = new TextGrid(6, 1);
            grid.put(0, 0, Text.clean("e\u0301té !"), Style.PLAIN);
            assertLines(grid, "été ! ");
        }
    }

    @Nested
    @DisplayName("les barres")
    class BarsWidget {
        @Test
        @DisplayName("une barre en huitièmes, en demis ou en ASCII")
        void barGlyphs() {
            assertEquals("████", G.bar(0.5, 8));
            assertEquals("████▏", G.bar(0.52, 8));
            assertEquals("█▌", Glyphs.of(Glyphs.Bars.HALVES, false).bar(0.19, 8));
            assertEquals("##", Glyphs.of(Glyphs.Bars.ASCII, true).bar(0.3, 8));
            assertEquals("████████", G.bar(7, 8));
            assertEquals("", G.bar(Double.NaN, 8));
        }

        @Test
        @DisplayName("une barre par worker, nommée comme le runtime la nomme, avec sa tâche et son temps")
        void oneBarPerWorker() {
            ExperimentSpec io = ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.IO);
            TextGrid grid = new TextGrid(60, 5);
            Bars.draw(grid, Fixtures.runningBoard(io).sample(10), G, FR);
            assertLines(grid,
                    "pool-1-thread-1 ███████████████████████████ libre           ",
                    "pool-1-thread-2 ████████████▏·············· tâche 2    0,5 s",
                    "pool-1-thread-3 ██████████▊················ tâche 3    0,4 s",
                    "pool-1-thread-4 █████████▍················· tâche 4    0,4 s",
                    "#4              ··························· en attente      ");
            assertEquals(Tone.BAR_DONE, grid.style(16, 0).fg());
            assertEquals(Tone.BAR_RUNNING, grid.style(16, 1).fg());
            assertEquals(Tone.BAR_TRACK, grid.style(40, 1).fg());
        }

        @Test
        @DisplayName("dix mille workers : ceux qui tiennent, « … et 9 997 autres », et une barre d'ensemble")
        void manyWorkers() {
            ExperimentSpec vt = ExperimentSpec.notebook(StrategyKind.VIRTUAL_THREADS, TaskKind.IO).withTasks(10_000);
            TextGrid grid = new TextGrid(60, 5);
            Bars.draw(grid, Fixtures.runningBoard(vt).sample(10), G, FR);
            assertEquals("… et 9 997 autres", grid.row(3).strip());
            assertTrue(grid.row(4).startsWith("ensemble"), grid.row(4));
            assertTrue(grid.row(4).strip().endsWith("1/10 000"), grid.row(4));
            assertTrue(grid.row(4).contains("████"), "the workers not shown are as far along as those shown: " + grid.row(4));
        }
    }

    @Nested
    @DisplayName("la chronologie")
    class Timelines {
        @Test
        @DisplayName("des tâches en parallèle s'empilent, en séquence elles font un escalier")
        void lanes() {
            List<Span> parallel = List.of(new Span(0, 0, 0, S), new Span(1, 1, 0, S));
            TextGrid grid = new TextGrid(14, 3);
            Timeline.draw(grid, parallel, List.of("t1", "t2"), 2, 2 * S, 3, G, FR);
            assertLines(grid, "t1  █████     ", "t2  ▓▓▓▓▓     ", "    0      2 s");
            List<Span> staircase = List.of(new Span(0, 0, 0, S), new Span(0, 1, S, 2 * S));
            grid = new TextGrid(14, 2);
            Timeline.draw(grid, staircase, List.of("main"), 1, 2 * S, 3, G, FR);
            assertLines(grid, "ma… █████▓▓▓▓▓", "    0      2 s");
        }

        @Test
        @DisplayName("l'axe grandit par moitiés quand l'exécution dépasse ce qu'elle devait durer")
        void axisGrowsInSteps() {
            assertEquals(S, Timeline.axis(S, S / 2));
            assertEquals(3 * S / 2, Timeline.axis(S, S + 1));
            assertEquals(Timeline.axis(S, 1200 * MS), Timeline.axis(S, 1400 * MS), "the axis does not move at every frame");
        }

        @Test
        @DisplayName("la ligne du GIL montre qui tient le verrou à chaque instant")
        void gilLane() {
            List<Handoff> h = List.of(new Handoff(-1, 0, 0), new Handoff(0, 1, S / 2), new Handoff(1, 2, S));
            TextGrid grid = new TextGrid(12, 1);
            Timeline.gil(grid, 0, h, 3 * S / 2, 2 * S, 3, G, FR);
            assertLines(grid, "GIL 112233  ");
            assertEquals(Tone.worker(1), grid.style(6, 0).fg());
        }

        @Test
        @DisplayName("après des attentes sous le GIL simulé, sa ligne le montre libre presque tout du long")
        void gilLaneAfterAnIoRun() {
            ExperimentSpec io = ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.IO).withRuntime(RuntimeKind.JVM_GIL).withTasks(2).withWorkers(2);
            Measurement m = Fixtures.measured(io, S, "t");
            RunResult r = m.last();
            // Each thread takes the lock to start its task, lets it go to sleep, takes it back to end.
            List<Handoff> h = List.of(new Handoff(-1, 0, 0), new Handoff(0, -1, MS), new Handoff(-1, 1, MS), new Handoff(1, -1, 2 * MS),
                    new Handoff(-1, 0, S), new Handoff(0, -1, S + MS), new Handoff(-1, 1, S + MS), new Handoff(1, -1, S + 2 * MS));
            Measurement withGil = new Measurement(io, List.of(new RunResult(io, r.wallNanos(), r.cpu(), r.timeline(), h, r.memory(),
                    r.idealNanos(), r.t1Nanos(), r.cores(), r.workerNames(), false, 0.1)));
            TextGrid grid = new TextGrid(40, 6);
            ExperimentPanel.timelines(List.of(withGil), G, FR).painter().paint(grid);
            String lane = grid.rows().stream().filter(l -> l.startsWith("GIL")).findFirst().orElseThrow(() -> new AssertionError(grid));
            String track = lane.substring(4).strip();
            assertTrue(track.chars().filter(ch -> ch == G.track()).count() >= track.length() - 2, lane);
        }
    }

    @Nested
    @DisplayName("le tableau des résultats")
    class Table {
        final Model page4 = Fixtures.at(Fixtures.model(100, 30), 4);
        final ExperimentSpec threads = ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.IO).withRuntime(RuntimeKind.JVM_GIL);
        final List<Measurement> both = List.of(Fixtures.measured(threads, S, "pool-1-thread-"),
                Fixtures.measured(threads.withStrategy(StrategyKind.SEQUENTIAL), S, ""));

        @Test
        @DisplayName("le chiffre du notebook, le mesuré, l'idéal, l'efficacité et l'accélération, alignés")
        void columns() {
            TextGrid grid = new TextGrid(100, 3);
            ResultView.draw(grid, both, page4.selected().orElseThrow(), Fixtures.MACHINE, G, FR);
            assertLines(grid,
                    "runtime  stratégie   carnet  mur  CPU user  CPU sys  CPU enfants  idéal  efficacité  accélération   ",
                    "jvm+gil  threads     1 s     1 s  12 ms     3 ms     0 ns         1 s    100 %       ×4,99          ",
                    "jvm+gil  sequential  5 s     5 s  12 ms     3 ms     0 ns         5 s    100 %       ×1,00          ");
            assertEquals(Tone.OK, grid.style(74, 1).fg());
            assertTrue(grid.style(0, 0).isBold());
        }

        @Test
        @DisplayName("à 80 colonnes, les colonnes muettes partent d'abord (un seul runtime, aucun temps d'enfant)")
        void silentColumnsFirst() {
            TextGrid grid = new TextGrid(78, 3);
            ResultView.draw(grid, both, page4.selected().orElseThrow(), Fixtures.MACHINE, G, FR);
            assertEquals("stratégie   carnet  mur  CPU user  CPU sys  idéal  efficacité  accélération", grid.row(0).stripTrailing());
        }

        @Test
        @DisplayName("à l'étroit, les colonnes CPU partent avant le mur, l'efficacité et l'accélération")
        void narrow() {
            TextGrid grid = new TextGrid(50, 3);
            ResultView.draw(grid, both, page4.selected().orElseThrow(), Fixtures.MACHINE, G, FR);
            assertEquals("stratégie carnet mur efficacité accélération", grid.row(0).stripTrailing().replaceAll(" +", " "));
            assertEquals("threads 1 s 1 s 100 % ×4,99", grid.row(1).stripTrailing().replaceAll(" +", " "));
        }
    }

    @Nested
    @DisplayName("le texte de la page")
    class Page {
        final Model page4 = Fixtures.at(Fixtures.model(80, 24), 4);

        @Test
        @DisplayName("les paragraphes sont coupés aux espaces, et « : » reste avec son mot")
        void wrapKeepsPunctuation() {
            List<Line> lines = Wrap.wrap(List.of(new Segment("attendre une tâche : une seconde", Style.PLAIN)), 18, "", "", Style.PLAIN);
            assertEquals(List.of("attendre une", "tâche : une", "seconde"), lines.stream().map(Line::text).toList());
            lines = Wrap.wrap(List.of(new Segment("« se répartissent le travail »", Style.PLAIN)), 16, "", "", Style.PLAIN);
            assertEquals(List.of("« se", "répartissent le", "travail »"), lines.stream().map(Line::text).toList());
        }

        @Test
        @DisplayName("un mot plus long que la ligne est coupé ; une puce garde son retrait")
        void longWordsAndBullets() {
            List<Line> lines = Wrap.wrap(List.of(new Segment("abcdefghij kl", Style.PLAIN)), 6, "• ", "  ", Style.PLAIN);
            assertEquals(List.of("• abcd", "  efgh", "  ij", "  kl"), lines.stream().map(Line::text).toList());
        }

        @Test
        @DisplayName("le code Python se montre d'abord, le Java avec c ; les autres blocs toujours")
        void codeToggle() {
            String python = String.join("\n", PageText.lines(page4.lesson(), 70, Model.CodeLanguage.PYTHON, G, FR, 0)
                    .stream().map(Line::text).toList());
            String java = String.join("\n", PageText.lines(page4.lesson(), 70, Model.CodeLanguage.JAVA, G, FR, 0)
                    .stream().map(Line::text).toList());
            assertTrue(python.contains("def attendre_une_seconde(a):") && !python.contains("Thread.sleep"));
            assertTrue(java.contains("Thread.sleep(duration);") && !java.contains("def attendre"));
            assertTrue(python.contains("▶ Expérience 1 : tâches io, threads, sequential"), python);
        }

        @Test
        @DisplayName("mots-clés, chaînes, commentaires et nombres en couleur, en Python comme en Java")
        void highlighting() {
            List<Segment> py = new Highlighter(Highlighter.Language.PYTHON).line("def f(a): return 'x' + 1  # fin");
            assertEquals(Tone.KEYWORD, py.get(0).style().fg());
            assertEquals("def", py.get(0).text());
            assertTrue(py.stream().anyMatch(s -> s.text().equals("'x'") && s.style().fg() == Tone.STRING));
            assertTrue(py.stream().anyMatch(s -> s.text().equals("1") && s.style().fg() == Tone.NUMBER));
            assertEquals(new Segment("# fin", py.get(py.size() - 1).style()), py.get(py.size() - 1));
            assertEquals(Tone.COMMENT, py.get(py.size() - 1).style().fg());
            Highlighter java = new Highlighter(Highlighter.Language.JAVA);
            List<Segment> j = java.line("/* début");
            assertEquals(Tone.COMMENT, j.get(0).style().fg());
            List<Segment> next = java.line("fin */ new Thread(\"t\");");
            assertEquals(Tone.COMMENT, next.get(0).style().fg());
            assertTrue(next.stream().anyMatch(s -> s.text().equals("new") && s.style().fg() == Tone.KEYWORD));
            assertTrue(next.stream().anyMatch(s -> s.text().equals("Thread") && s.style().fg() == Tone.BUILTIN));
        }
    }

    @Nested
    @DisplayName("le sommaire, l'aide, le pied de page")
    class Chrome {
        @Test
        @DisplayName("le sommaire coche les pages faites et compte leurs résultats")
        void contents() {
            Model m = Fixtures.model(80, 24).withDone(java.util.Set.of(0, 4))
                    .withResult(new BlockKey(4, 0), List.of(Fixtures.measured(ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.IO), S, "t")));
            TextGrid grid = new TextGrid(80, 22);
            Overlays.contents(grid, m, 2, FR);
            String all = String.join("\n", grid.rows());
            assertTrue(all.contains("✓ 00  Bienvenue"), all);
            assertTrue(all.contains("✓ 04  Threads et tâches IO-bound") && all.contains("1 résultat(s)"), all);
            assertTrue(all.contains("  01  La programmation concurrente"), all);
            assertTrue(all.contains("résumé de la page 4"), "the summary of the page under the cursor");
        }

        @Test
        @DisplayName("les résultats des sessions précédentes comptent dans le sommaire et s'affichent, en gris, dans la synthèse")
        void earlierResults() {
            Measurement before = Fixtures.measured(ExperimentSpec.notebook(StrategyKind.SEQUENTIAL, TaskKind.IO), S, "t");
            Model m = Fixtures.model(100, 30).withDone(java.util.Set.of(4))
                    .withEarlier(List.of(new Earlier(4, before, java.util.Optional.of(Fixtures.wall(5 * S)))))
                    .withResult(new BlockKey(4, 0), List.of(Fixtures.measured(ExperimentSpec.notebook(StrategyKind.THREADS, TaskKind.IO), S, "t")));
            TextGrid grid = new TextGrid(100, 28);
            Overlays.contents(grid, m, 2, FR);
            String all = String.join("\n", grid.rows());
            assertTrue(all.contains("✓ 04  Threads et tâches IO-bound") && all.contains("2 résultat(s)"), all);
            TextGrid screen = new TextGrid(100, 30);
            View.draw(Fixtures.at(m, 15), Board.Snapshot.EMPTY, screen);
            List<String> rows = screen.rows();
            String text = String.join("\n", rows);
            assertTrue(text.contains("1 résultat(s) des sessions précédentes"), text);
            int earlierRow = -1, thisRow = -1;
            for (int y = 0; y < rows.size(); y++) {
                if (rows.get(y).contains("sequential")) earlierRow = y;
                if (rows.get(y).contains("threads ")) thisRow = y;
            }
            assertTrue(earlierRow >= 0 && thisRow > earlierRow, "earlier first, then this session's:\n" + text);
            int x = rows.get(earlierRow).indexOf("sequential");
            assertEquals(Tone.DIM, screen.style(x, earlierRow).fg(), "an earlier result is greyed");
            assertTrue(rows.get(earlierRow).contains("jvm      5 s") && !rows.get(earlierRow).contains("—"), "with the notebook's figure kept in the journal: " + rows.get(earlierRow));
        }

        @Test
        @DisplayName("la ligne d'état dit le fichier exporté")
        void exportedFileNamed() {
            Model m = Update.update(Fixtures.model(100, 30), new Msg.Exported("concurrence-export-20260302-091502.md", 3)).model();
            TextGrid grid = new TextGrid(100, 1);
            View.status(grid, m, FR);
            assertTrue(grid.row(0).contains("Journal exporté dans concurrence-export-20260302-091502.md (3 mesure(s))."), grid.row(0));
        }

        @Test
        @DisplayName("le pied de page garde toujours l'aide et quitter, en français")
        void footer() {
            TextGrid grid = new TextGrid(80, 1);
            View.footer(grid, Fixtures.model(80, 24), FR);
            assertTrue(grid.row(0).stripTrailing().endsWith("? aide  q quitter"), grid.row(0));
            assertTrue(grid.row(0).startsWith(" ←→ pages  ↑↓ défiler  Entrée lancer"), grid.row(0));
        }

        @Test
        @DisplayName("en ASCII, les flèches deviennent <- -> et des mots, dans la langue choisie")
        void asciiKeys() {
            TextGrid grid = new TextGrid(80, 1);
            Model ascii = Fixtures.model(80, 24).withGlyphs(Glyphs.of(Glyphs.Bars.ASCII, true));
            View.footer(grid, ascii, FR);
            assertTrue(grid.row(0).startsWith(" <- -> pages  haut/bas défiler  Entrée lancer"), grid.row(0));
            assertTrue(grid.row(0).chars().allMatch(ch -> ch < 0x2190 || ch > 0x21FF), "no arrow left: " + grid.row(0));
            View.footer(grid, ascii, Messages.of("en"));
            assertTrue(grid.row(0).startsWith(" <- -> pages  up/down scroll"), grid.row(0));
        }

        @Test
        @DisplayName("sous 80x24, un message demande une fenêtre plus grande")
        void tooSmall() {
            TextGrid grid = new TextGrid(40, 12);
            View.draw(Fixtures.model(40, 12), Board.Snapshot.EMPTY, grid);
            String all = String.join("\n", grid.rows());
            assertTrue(all.contains("Fenêtre trop petite") && all.contains("40x12") && all.contains("80x24"), all);
        }
    }

    @Nested
    @DisplayName("le terminal")
    class Terminal {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "COLORTERM=truecolor,TERM=xterm-256color | auto | TRUECOLOR",
                "TERM=xterm-256color | auto | INDEXED_256",
                "TERM=xterm | auto | ANSI_8",
                "TERM=xterm-256color,NO_COLOR=1 | auto | NONE",
                "TERM=xterm | 256 | INDEXED_256",
                "TERM=dumb | auto | NONE"})
        @DisplayName("les couleurs viennent de --color, NO_COLOR, COLORTERM et TERM")
        void colors(String env, String flag, ColorMode expected) {
            java.util.Map<String, String> map = new java.util.HashMap<>();
            for (String kv : env.split(",")) map.put(kv.split("=")[0], kv.split("=")[1]);
            assertEquals(expected, ColorMode.detect(map, ColorMode.parse(flag).orElseThrow()));
        }

        @Test
        @DisplayName("sans locale UTF-8, tout se dessine en ASCII ; --bars choisit les barres")
        void glyphs() {
            assertEquals(Glyphs.of(Glyphs.Bars.EIGHTHS, false), Glyphs.detect(java.util.Map.of("LANG", "fr_FR.UTF-8"), false, java.util.Optional.empty()));
            assertEquals(Glyphs.of(Glyphs.Bars.ASCII, true), Glyphs.detect(java.util.Map.of("LANG", "fr_FR.ISO-8859-1"), false, java.util.Optional.empty()));
            assertEquals(Glyphs.of(Glyphs.Bars.ASCII, true), Glyphs.detect(java.util.Map.of(), false, java.util.Optional.empty()));
            assertEquals(Glyphs.of(Glyphs.Bars.ASCII, true), Glyphs.detect(java.util.Map.of("LC_ALL", "C", "LANG", "C.UTF-8"), false, java.util.Optional.empty()));
            assertEquals(Glyphs.of(Glyphs.Bars.HALVES, false),
                    Glyphs.detect(java.util.Map.of("LANG", "C.UTF-8"), false, java.util.Optional.of(Glyphs.Bars.HALVES)));
        }
    }
}
