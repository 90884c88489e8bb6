package concurrence.tui;

import concurrence.engine.ExperimentSpec;
import concurrence.engine.Measurement;
import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.journal.Load;
import concurrence.journal.PageRef;
import concurrence.lesson.Course;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static concurrence.tui.Fixtures.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("La logique de l'application, sans terminal")
class UpdateTest {
    /** The model after folding every message, and every command they asked for, in order. */
    record Folded(Model model, List<Command> commands) {}

    static Folded fold(Model m, Msg... msgs) {
        List<Command> commands = new ArrayList<>();
        for (Msg msg : msgs) {
            Step s = Update.update(m, msg);
            m = s.model();
            s.command().ifPresent(commands::add);
        }
        return new Folded(m, commands);
    }

    static Msg.Key key(char c) { return Msg.Key.of(c); }

    static Msg.Key key(Msg.Key.Kind k) { return Msg.Key.of(k); }

    final Model start = Fixtures.model(100, 30);

    @Test
    @DisplayName("les Pythons trouvés après le premier écran rejoignent les runtimes proposés")
    void runtimesFoundLater() {
        assertEquals(Fixtures.JVM_ONLY, start.available());
        var all = java.util.EnumSet.allOf(RuntimeKind.class);
        Model later = fold(start, new Msg.RuntimesFound(all)).model();
        assertEquals(all, later.available());
        assertEquals(start.page(), later.page());
    }

    @Nested
    @DisplayName("les pages")
    class Pages {
        @Test
        @DisplayName("→, Espace, n et PgDn avancent ; ←, p et PgUp reculent ; jamais hors du cours")
        void keysMovePages() {
            Folded f = fold(start, key(Msg.Key.Kind.RIGHT), key(' '), key('n'), key(Msg.Key.Kind.PAGE_DOWN));
            assertEquals(4, f.model().page());
            assertEquals(List.of(visit(1, "programmation-concurrente"), visit(4, "threads-io"), visit(5, "threads-cpu"), visit(6, "gil")),
                    f.commands());
            f = fold(f.model(), key(Msg.Key.Kind.LEFT), key('p'), key(Msg.Key.Kind.PAGE_UP));
            assertEquals(1, f.model().page());
            f = fold(f.model(), key('p'), key('p'), key('p'));
            assertEquals(0, f.model().page());
            f = fold(f.model(), repeat(key('n'), 20));
            assertEquals(start.course().lessons().size() - 1, f.model().page());
        }

        @Test
        @DisplayName("changer de page remonte en haut du texte et choisit la première expérience")
        void newPageStartsAtTop() {
            Model m = Fixtures.at(start, 6).withBlock(1).withScroll(3);
            Model next = fold(m, key('n')).model();
            assertEquals(0, next.scroll());
            assertEquals(0, next.block());
        }

        @Test
        @DisplayName("une page sans expérience à lancer est faite dès qu'on l'ouvre")
        void pageWithoutRunIsDoneWhenSeen() {
            Model m = fold(start, key('n')).model();
            assertTrue(m.done().contains(1));
            assertFalse(fold(m, key('n')).model().done().contains(4));
        }

        @Test
        @DisplayName("↓ et j font défiler, ↑ et k remontent, sans dépasser la fin du texte")
        void scrollStaysInText() {
            Model m = Fixtures.at(start, 4).withSize(80, 24);
            m = fold(m, key('j'), key(Msg.Key.Kind.DOWN)).model();
            assertEquals(2, m.scroll());
            m = fold(m, key('k'), key(Msg.Key.Kind.UP), key(Msg.Key.Kind.UP)).model();
            assertEquals(0, m.scroll());
            m = fold(m, repeat(key('j'), 500)).model();
            int max = View.textLines(m) - View.layout(m).text().h();
            assertTrue(max > 0, "the page is longer than its area at 80x24");
            assertEquals(max, m.scroll());
        }

        @Test
        @DisplayName("agrandir la fenêtre ramène le défilement dans le texte")
        void resizeClampsScroll() {
            Model m = fold(Fixtures.at(start, 4).withSize(80, 24), repeat(key('j'), 500)).model();
            assertTrue(m.scroll() > 0);
            m = fold(m, new Msg.Resize(200, 80)).model();
            assertEquals(0, m.scroll());
            assertEquals(200, m.columns());
        }
    }

    @Nested
    @DisplayName("les réglages d'une expérience")
    class Tuning {
        final Model io = Fixtures.at(start, 4);

        @Test
        @DisplayName("+ et - changent le nombre de tâches, < et > celui des workers, dans les limites")
        void plusMinusWithinLimits() {
            Model m = fold(io, key('+'), key('>'), key('>')).model();
            assertEquals(new concurrence.tui.Tuning(6, 7), m.tuning(m.blockKey(), m.selected().orElseThrow()));
            m = fold(fold(m, repeat(key('-'), 20)).model(), repeat(key('<'), 20)).model();
            assertEquals(new concurrence.tui.Tuning(1, 1), m.tuning(m.blockKey(), m.selected().orElseThrow()));
            m = fold(fold(m, repeat(key('+'), 200)).model(), repeat(key('>'), 200)).model();
            assertEquals(new concurrence.tui.Tuning(ExperimentSpec.MAX_TASKS, ExperimentSpec.MAX_WORKERS),
                    m.tuning(m.blockKey(), m.selected().orElseThrow()));
        }

        @Test
        @DisplayName("un pool de processus s'arrête à 64 workers")
        void processesStopAt64() {
            Model m = fold(Fixtures.at(start, 7), repeat(key('>'), 200)).model();
            assertEquals(ExperimentSpec.MAX_PROCESS_WORKERS, m.tuning(m.blockKey(), m.selected().orElseThrow()).workers());
        }

        @Test
        @DisplayName("les pas grandissent avec le nombre : 5 → 6, 9 → 10 → 20, et l'inverse")
        void steps() {
            assertEquals(6, Update.stepped(5, 1, 100));
            assertEquals(10, Update.stepped(9, 1, 100));
            assertEquals(20, Update.stepped(10, 1, 100));
            assertEquals(10, Update.stepped(20, -1, 100));
            assertEquals(9, Update.stepped(10, -1, 100));
            assertEquals(1, Update.stepped(1, -1, 100));
            assertEquals(100, Update.stepped(90, 1, 100));
            assertEquals(100, Update.stepped(100, 1, 100));
        }

        @Test
        @DisplayName("0 rend les valeurs du notebook et le premier runtime")
        void zeroRestores() {
            Model m = fold(io, key('+'), key('<'), key('b'), key('0')).model();
            assertEquals(new concurrence.tui.Tuning(5, 5), m.tuning(m.blockKey(), m.selected().orElseThrow()));
            assertEquals(Optional.of(RuntimeKind.JVM_GIL), m.runtime(m.blockKey(), m.selected().orElseThrow()));
        }

        @Test
        @DisplayName("b passe d'un runtime disponible à l'autre, sans jamais proposer Python absent")
        void bCyclesAvailableRuntimes() {
            List<RuntimeKind> seen = new ArrayList<>();
            Model m = io;
            for (int i = 0; i < 4; i++) {
                seen.add(m.runtime(m.blockKey(), m.selected().orElseThrow()).orElseThrow());
                m = fold(m, key('b')).model();
            }
            assertEquals(List.of(RuntimeKind.JVM_GIL, RuntimeKind.JVM, RuntimeKind.JVM_GIL, RuntimeKind.JVM), seen);
        }

        @Test
        @DisplayName("--runtime est pris là où le bloc le propose")
        void preferredRuntime() {
            Model m = io.withPreferredRuntime(Optional.of(RuntimeKind.JVM));
            assertEquals(Optional.of(RuntimeKind.JVM), m.runtime(m.blockKey(), m.selected().orElseThrow()));
            Model gil = Fixtures.at(m, 6);
            assertEquals(Optional.of(RuntimeKind.JVM_GIL), gil.runtime(gil.blockKey(), gil.selected().orElseThrow()));
        }

        @Test
        @DisplayName("1 et 2 choisissent l'expérience d'une page qui en a deux ; 3 n'existe pas")
        void digitsSelectBlocks() {
            Model m = fold(Fixtures.at(start, 6), key('2')).model();
            assertEquals(1, m.block());
            assertEquals(concurrence.engine.TaskKind.IO, m.selected().orElseThrow().task());
            assertEquals(1, fold(m, key('3')).model().block());
        }
    }

    @Nested
    @DisplayName("une expérience")
    class Running {
        final Model io = Fixtures.at(start, 4).withScale(0.1);

        @Test
        @DisplayName("Entrée la lance : une spec par stratégie, avec les réglages, l'échelle multipliée")
        void enterStarts() {
            Folded f = fold(io, key('+'), key(Msg.Key.Kind.ENTER));
            Command.StartRun run = assertInstanceOf(Command.StartRun.class, f.commands().get(0));
            assertEquals(List.of(StrategyKind.THREADS, StrategyKind.SEQUENTIAL), run.specs().stream().map(ExperimentSpec::strategy).toList());
            assertEquals(6, run.specs().get(0).tasks());
            assertEquals(0.1, run.specs().get(0).scale(), 1e-12);
            assertEquals(RuntimeKind.JVM_GIL, run.specs().get(0).runtime());
            assertTrue(f.model().running());
        }

        @Test
        @DisplayName("le chiffre du notebook n'accompagne que l'expérience de la page : pas une autre échelle ni d'autres nombres")
        void notebookOnlyForTheSameExperiment() {
            Model page = Fixtures.at(start, 4);
            var decl = page.selected().orElseThrow();
            var specs = page.specs(page.blockKey());
            assertEquals(Optional.of(Fixtures.wall(S)), Model.notebookFigure(decl, specs.get(0)));
            assertEquals(Optional.empty(), Model.notebookFigure(decl, specs.get(0).withScale(0.1)));
            assertEquals(Optional.empty(), Model.notebookFigure(decl, specs.get(0).withTasks(6)));
            Folded f = fold(io, key(Msg.Key.Kind.ENTER));
            var run = (Command.StartRun) f.commands().get(0);
            Measurement scaled = Fixtures.measured(run.specs().get(0), S / 10, "t");
            var save = (Command.Save) fold(f.model(), new Msg.RunDone(run.runId(), 0, scaled, Load.UNKNOWN)).commands().get(0);
            assertEquals(Optional.empty(), save.notebook(), "a run at scale 0.1 is not the notebook's");
        }

        @Test
        @DisplayName("Entrée pendant la recherche des Python : l'expérience attend, puis part sur le runtime qu'elle aurait eu")
        void enterWhileSearchingWaitsForThePythons() {
            Folded f = fold(io.withSearching(true), key(Msg.Key.Kind.ENTER));
            assertTrue(f.commands().isEmpty(), "nothing starts while the search's processes share the cores");
            assertEquals(new RunState.Queued(io.blockKey()), f.model().run());
            assertFalse(f.model().running());
            assertEquals("tui.notice.queued", f.model().notice().orElseThrow().key());

            Folded found = fold(f.model(), new Msg.RuntimesFound(java.util.EnumSet.allOf(RuntimeKind.class)));
            Command.StartRun run = assertInstanceOf(Command.StartRun.class, found.commands().get(0));
            assertEquals(RuntimeKind.PYTHON, run.specs().get(0).runtime(), "the page's first runtime, found meanwhile");
            assertTrue(found.model().running());
        }

        @Test
        @DisplayName("Échap renonce à une expérience qui attend les Python")
        void escapeGivesUpAQueuedRun() {
            Folded f = fold(io.withSearching(true), key(Msg.Key.Kind.ENTER), key(Msg.Key.Kind.ESCAPE),
                    new Msg.RuntimesFound(java.util.EnumSet.allOf(RuntimeKind.class)));
            assertTrue(f.commands().isEmpty());
            assertEquals(RunState.IDLE, f.model().run());
            assertEquals("tui.notice.cancelled.before", f.model().notice().orElseThrow().key());
        }

        @Test
        @DisplayName("r relance aussi ; une seconde demande pendant l'exécution est refusée avec un message")
        void oneAtATime() {
            Folded f = fold(io, key('r'), key('r'));
            assertEquals(1, f.commands().size());
            assertEquals("tui.notice.one.at.a.time", f.model().notice().orElseThrow().key());
        }

        @Test
        @DisplayName("le refus « une expérience tourne déjà » s'efface quand elle finit")
        void oneAtATimeEndsWithTheRun() {
            Folded f = fold(io, key('r'), key('r'));
            var run = (Command.StartRun) f.commands().get(0);
            Model m = f.model();
            for (int i = 0; i < run.specs().size(); i++) {
                assertEquals("tui.notice.one.at.a.time", m.notice().orElseThrow().key(), "still running after step " + i);
                m = fold(m, new Msg.RunDone(run.runId(), i, Fixtures.measured(run.specs().get(i), S / 10, "t"), Load.UNKNOWN)).model();
            }
            assertEquals(Optional.empty(), m.notice());
        }

        @Test
        @DisplayName("les résultats arrivent dans l'ordre, sont enregistrés, et la page est faite à la fin")
        void resultsArriveInOrder() {
            Folded f = fold(Fixtures.at(start, 4), key(Msg.Key.Kind.ENTER));
            var run = (Command.StartRun) f.commands().get(0);
            Measurement threads = Fixtures.measured(run.specs().get(0), S / 10, "pool-1-thread-");
            Measurement seq = Fixtures.measured(run.specs().get(1), S / 10, "");
            f = fold(f.model(), new Msg.RunEvent(run.runId(), 0), new Msg.RunDone(run.runId(), 0, threads, Load.UNKNOWN));
            RunState.Running r = assertInstanceOf(RunState.Running.class, f.model().run());
            assertEquals(1, r.step());
            Load load = new Load(0.1, 0.2, 0.05);
            assertEquals(List.of(new Command.Save(run.runId(), new PageRef(4, "threads-io"), threads, Load.UNKNOWN,
                    Optional.of(Fixtures.wall(S)))), f.commands(), "saved with its page and the notebook's figure");
            assertEquals(load, ((Command.Save) fold(f.model(), new Msg.RunDone(run.runId(), 1, seq, load)).commands().get(0)).load());
            f = fold(f.model(), new Msg.RunEvent(run.runId(), 1), new Msg.RunDone(run.runId(), 1, seq, Load.UNKNOWN));
            assertFalse(f.model().running());
            assertEquals(List.of(threads, seq), f.model().results(f.model().blockKey()));
            assertTrue(f.model().done().contains(4));
        }

        @Test
        @DisplayName("Échap annule : l'arrêt est demandé une fois, puis « annulé » s'affiche")
        void escapeCancels() {
            Folded f = fold(io, key(Msg.Key.Kind.ENTER), key(Msg.Key.Kind.ESCAPE), key(Msg.Key.Kind.ESCAPE));
            var run = (Command.StartRun) f.commands().get(0);
            assertEquals(List.of(run, new Command.CancelRun()), f.commands());
            assertTrue(((RunState.Running) f.model().run()).cancelling());
            Measurement partial = Fixtures.measured(run.specs().get(0), S / 10, "pool-1-thread-");
            Measurement cancelled = new Measurement(partial.spec(), List.of(withCancelled(partial)));
            f = fold(f.model(), new Msg.RunDone(run.runId(), 0, cancelled, Load.UNKNOWN));
            assertFalse(f.model().running());
            assertEquals("tui.notice.cancelled", f.model().notice().orElseThrow().key());
            assertTrue(f.commands().isEmpty(), "a cancelled run is not saved");
            assertFalse(f.model().done().contains(4));
        }

        @Test
        @DisplayName("les nouvelles d'une exécution précédente sont ignorées")
        void staleRunIgnored() {
            Folded f = fold(io, key(Msg.Key.Kind.ENTER));
            var run = (Command.StartRun) f.commands().get(0);
            Measurement old = Fixtures.measured(run.specs().get(0), S / 10, "pool-1-thread-");
            Folded g = fold(f.model(), new Msg.RunDone(run.runId() - 1, 0, old, Load.UNKNOWN), new Msg.RunFailed(run.runId() + 5, "?"));
            assertEquals(f.model(), g.model());
        }

        @Test
        @DisplayName("un échec du moteur arrête l'exécution avec son message")
        void failureShown() {
            Folded f = fold(io, key(Msg.Key.Kind.ENTER));
            var run = (Command.StartRun) f.commands().get(0);
            Model m = fold(f.model(), new Msg.RunFailed(run.runId(), "plus de mémoire")).model();
            assertFalse(m.running());
            assertEquals(List.of("plus de mémoire"), m.notice().orElseThrow().args());
        }

        @Test
        @DisplayName("une tâche de calcul sur une machine chargée demande d'abord ; Entrée lance quand même, Échap attend")
        void busyMachineAsks() {
            Model cpu = Fixtures.at(start, 5).withLoad(1.9);
            Folded f = fold(cpu, key(Msg.Key.Kind.ENTER));
            assertInstanceOf(Overlay.ConfirmBusy.class, f.model().overlay());
            assertTrue(f.commands().isEmpty());
            assertTrue(fold(f.model(), key(Msg.Key.Kind.ESCAPE)).commands().isEmpty());
            f = fold(f.model(), key(Msg.Key.Kind.ENTER));
            assertInstanceOf(Command.StartRun.class, f.commands().get(0));
            assertTrue(fold(Fixtures.at(start, 4).withLoad(1.9), key(Msg.Key.Kind.ENTER)).model().running(),
                    "waiting (io) is not distorted by the load: no question");
        }

        @Test
        @DisplayName("la question juge ce que les autres programmes prennent, pas la moyenne d'une minute qui compte encore le calcul d'avant")
        void busyJudgesOthers() {
            Model cpu = fold(Fixtures.at(start, 5), new Msg.Busy(1.9, 0.05)).model();
            assertTrue(fold(cpu, key(Msg.Key.Kind.ENTER)).model().running(), "others use 0.05 core: no question");
            Model busy = fold(cpu, new Msg.Busy(0.4, 1.6)).model();
            assertEquals(new Overlay.ConfirmBusy(1.6), fold(busy, key(Msg.Key.Kind.ENTER)).model().overlay());
        }

        @Test
        @DisplayName("une tâche de calcul attend le tour de la machine : le panneau le dit, puis l'exécution part")
        void waitsForTurn() {
            Folded f = fold(Fixtures.at(start, 5), key(Msg.Key.Kind.ENTER));
            var run = (Command.StartRun) f.commands().get(0);
            Model waiting = fold(f.model(), new Msg.TurnWaiting(run.runId(), 2, java.time.Duration.ofSeconds(3),
                    java.time.Duration.ofMinutes(2))).model();
            RunState.Running r = assertInstanceOf(RunState.Running.class, waiting.run());
            assertEquals(2, r.waiting().orElseThrow().ahead());
            TextGrid grid = new TextGrid(80, 24);
            View.draw(waiting.withSize(80, 24), concurrence.engine.Board.Snapshot.EMPTY, grid);
            assertTrue(String.join("\n", grid.rows()).contains("2 expériences cpu passent avant vous"), grid.toString());
            Model started = fold(waiting, new Msg.TurnTaken(run.runId())).model();
            assertTrue(((RunState.Running) started.run()).waiting().isEmpty());
            Model cancelled = fold(waiting, key(Msg.Key.Kind.ESCAPE), new Msg.RunCancelled(run.runId())).model();
            assertFalse(cancelled.running());
            assertEquals("tui.notice.cancelled.before", cancelled.notice().orElseThrow().key());
            Model told = fold(waiting, new Msg.Told(Notice.warning("tui.notice.text", "attendu 2 min"))).model();
            assertEquals(List.of("attendu 2 min"), told.notice().orElseThrow().args());
        }

        @Test
        @DisplayName("sans runtime disponible, Entrée le dit au lieu de lancer")
        void noRuntime() {
            Model m = Fixtures.at(start, 4).withAvailable(java.util.Set.of());
            Folded f = fold(m, key(Msg.Key.Kind.ENTER));
            assertTrue(f.commands().isEmpty());
            assertEquals("tui.notice.no.runtime", f.model().notice().orElseThrow().key());
        }
    }

    @Nested
    @DisplayName("quitter")
    class Quitting {
        @Test
        @DisplayName("q quitte tout de suite quand rien ne tourne")
        void qQuits() {
            assertEquals(List.of(new Command.Quit(0)), fold(start, key('q')).commands());
        }

        @Test
        @DisplayName("q demande confirmation pendant une expérience : n reste, o quitte")
        void qAsksWhenRunning() {
            Model running = fold(Fixtures.at(start, 4), key(Msg.Key.Kind.ENTER)).model();
            Folded f = fold(running, key('q'));
            assertInstanceOf(Overlay.ConfirmQuit.class, f.model().overlay());
            assertTrue(f.commands().isEmpty());
            Folded stay = fold(f.model(), key('n'));
            assertEquals(Overlay.NONE, stay.model().overlay());
            assertTrue(stay.model().running());
            assertEquals(List.of(new Command.Quit(0)), fold(f.model(), key('o')).commands());
        }

        @Test
        @DisplayName("Ctrl-C quitte sans demander (130) ; la fin de l'entrée aussi (129) ; Ctrl-Z ne suspend pas")
        void ctrlKeys() {
            Model running = fold(Fixtures.at(start, 4), key(Msg.Key.Kind.ENTER)).model();
            assertEquals(List.of(new Command.Quit(Update.INTERRUPTED)), fold(running, Msg.Key.ctrl('c')).commands());
            assertEquals(List.of(new Command.Quit(Update.HANGUP)), fold(running, key(Msg.Key.Kind.EOF)).commands());
            Folded z = fold(start, Msg.Key.ctrl('z'));
            assertTrue(z.commands().isEmpty());
            assertEquals("tui.notice.suspend", z.model().notice().orElseThrow().key());
        }
    }

    @Nested
    @DisplayName("le sommaire, l'aide, la langue")
    class Overlays {
        @Test
        @DisplayName("Tab ouvre le sommaire sur la page courante ; ↓ et Entrée vont à la page choisie")
        void contents() {
            Folded f = fold(start, key(Msg.Key.Kind.TAB), key(Msg.Key.Kind.DOWN), key('j'), key(Msg.Key.Kind.ENTER));
            assertEquals(Overlay.NONE, f.model().overlay());
            assertEquals(2, f.model().page());
            assertEquals(List.of(visit(4, "threads-io")), f.commands());
            assertEquals(new Overlay.Contents(0), fold(start, key('s')).model().overlay());
            assertEquals(Overlay.NONE, fold(start, key('s'), key(Msg.Key.Kind.ESCAPE)).model().overlay());
        }

        @Test
        @DisplayName("? et F1 ouvrent l'aide, une touche la ferme")
        void help() {
            assertInstanceOf(Overlay.Help.class, fold(start, key('?')).model().overlay());
            assertInstanceOf(Overlay.Help.class, fold(start, key(Msg.Key.Kind.F1)).model().overlay());
            Folded f = fold(start, key('?'), key('n'));
            assertEquals(Overlay.NONE, f.model().overlay());
            assertEquals(0, f.model().page(), "the key that closes the help does nothing else");
        }

        @Test
        @DisplayName("L demande l'autre langue ; le cours reçu garde la page et les résultats")
        void language() {
            Model m = fold(Fixtures.at(start, 4), key(Msg.Key.Kind.ENTER)).model();
            var run = (Command.StartRun) Update.update(Fixtures.at(start, 4), key(Msg.Key.Kind.ENTER)).command().orElseThrow();
            m = fold(m, new Msg.RunDone(run.runId(), 0, Fixtures.measured(run.specs().get(0), S / 10, "t"), Load.UNKNOWN)).model();
            assertEquals(List.of(new Command.LoadCourse("en")), fold(m, key('L')).commands());
            Course en = new Course("en", Fixtures.course().lessons(), List.of());
            Model after = fold(m.withPage(0), new Msg.CourseLoaded(en)).model();
            assertEquals("en", after.language());
            assertEquals(0, after.page());
            assertEquals(1, after.results(new BlockKey(4, 0)).size());
        }

        @Test
        @DisplayName("c passe du Python au Java, l cache la chronologie")
        void toggles() {
            Model m = fold(start, key('c'), key('l')).model();
            assertEquals(Model.CodeLanguage.JAVA, m.code());
            assertFalse(m.timeline());
        }
    }

    @Nested
    @DisplayName("l'export (touche e)")
    class Exporting {
        @Test
        @DisplayName("e demande l'export à la boucle, et le dit en attendant ; dans le sommaire, e ne fait rien")
        void keyAsksForExport() {
            Folded f = fold(start, key('e'));
            assertEquals(List.of(new Command.Export()), f.commands());
            assertEquals(Optional.of(Notice.info("tui.notice.exporting")), f.model().notice());
            assertEquals(List.of(), fold(start, key(Msg.Key.Kind.TAB), key('e')).commands());
        }

        @Test
        @DisplayName("le fichier écrit, ou l'erreur, sur la ligne d'état")
        void outcomeTold() {
            Model done = fold(start, key('e'), new Msg.Exported("concurrence-export-20260302-091502.md", 3)).model();
            assertEquals(Optional.of(Notice.info("tui.notice.exported", "concurrence-export-20260302-091502.md", 3)), done.notice());
            Model failed = fold(start, key('e'), new Msg.ExportFailed("/lecture-seule: Permission denied")).model();
            assertEquals(Notice.Level.ERROR, failed.notice().orElseThrow().level());
            assertEquals(List.of("/lecture-seule: Permission denied"), failed.notice().orElseThrow().args());
        }
    }

    static Command.Visit visit(int number, String slug) { return new Command.Visit(new PageRef(number, slug)); }

    static Msg[] repeat(Msg m, int n) {
        Msg[] out = new Msg[n];
        java.util.Arrays.fill(out, m);
        return out;
    }

    static concurrence.engine.RunResult withCancelled(Measurement m) {
        var r = m.last();
        return new concurrence.engine.RunResult(r.spec(), r.wallNanos(), r.cpu(), r.timeline(), r.handoffs(), r.memory(),
                r.idealNanos(), r.t1Nanos(), r.cores(), r.workerNames(), true, r.loadAverage());
    }
}
