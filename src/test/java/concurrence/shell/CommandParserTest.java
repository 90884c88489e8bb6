package concurrence.shell;

import concurrence.engine.ExperimentSpec;
import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import concurrence.i18n.Messages;
import concurrence.journal.ExportFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Les commandes du mode ligne")
class CommandParserTest {
    private final Messages fr = Messages.of("fr");

    private Command parse(String line) { return CommandParser.parse(line, fr); }

    @Test
    @DisplayName("« run threads io --tasks 5 --workers 5 --runtime jvm --scale 0.1 » : l'expérience demandée")
    void runAnyExperiment() {
        var r = assertInstanceOf(Command.RunAny.class, parse("run threads io --tasks 5 --workers 5 --runtime jvm --scale 0.1"));
        assertEquals(List.of(new ExperimentSpec(StrategyKind.THREADS, TaskKind.IO, 5, 5, RuntimeKind.JVM, 0.1,
                ExperimentSpec.DEFAULT_SWITCH_INTERVAL, 1)), r.specs());
        var two = assertInstanceOf(Command.RunAny.class, parse("lancer sequential,threads cpu --runtime=jvm+gil --switch-interval-ms 1"));
        assertEquals(2, two.specs().size());
        assertEquals(StrategyKind.THREADS, two.specs().get(1).strategy());
        assertEquals(RuntimeKind.JVM_GIL, two.specs().get(1).runtime());
        assertEquals(Duration.ofMillis(1), two.specs().get(0).switchInterval());
    }

    @Test
    @DisplayName("« lancer » seul, avec un numéro ou des options : l'expérience de la page")
    void runThePagesExperiment() {
        assertEquals(new Command.RunPage(1, Optional.empty(), OptionalDouble.empty()), parse("lancer"));
        assertEquals(new Command.RunPage(2, Optional.of(RuntimeKind.JVM), OptionalDouble.of(0.2)), parse("run 2 --runtime jvm --scale 0,2"));
        assertEquals(new Command.RunPage(1, Optional.empty(), OptionalDouble.of(0.1)), parse("RUN --scale 0.1"));
    }

    @Test
    @DisplayName("noms français, alias anglais, accents et majuscules facultatifs")
    void namesAndAliases() {
        assertEquals(new Command.Pages(), parse("pages"));
        assertEquals(new Command.Pages(), parse("lessons"));
        assertEquals(new Command.Show(OptionalInt.of(4)), parse("page 4"));
        assertEquals(new Command.Show(OptionalInt.of(4)), parse("show 4"));
        assertEquals(new Command.Show(OptionalInt.empty()), parse("page"));
        assertEquals(new Command.Previous(), parse("Precedente"));
        assertEquals(new Command.Next(), parse("next"));
        assertEquals(new Command.Results(false), parse("resultats"));
        assertEquals(new Command.Results(true), parse("résultats tout"));
        assertEquals(new Command.Results(true), parse("results all"));
        assertEquals(new Command.Export(ExportFormat.CSV, Optional.of("out.csv")), parse("exporter csv out.csv"));
        assertEquals(new Command.Export(ExportFormat.MARKDOWN, Optional.empty()), parse("export"));
        assertEquals(new Command.Help(Optional.of("lancer")), parse("aide lancer"));
        assertEquals(new Command.Quit(), parse("exit"));
        assertEquals(new Command.Quit(), parse("quitter"));
        assertEquals(new Command.Empty(), parse("   "));
    }

    @Test
    @DisplayName("timeit répète 7 fois par défaut ; comparer prend les environnements après la tâche")
    void timeitAndCompare() {
        assertEquals(7, assertInstanceOf(Command.Timeit.class, parse("timeit processes io")).spec().repeat());
        assertEquals(3, assertInstanceOf(Command.Timeit.class, parse("timeit processes io --repeat 3")).spec().repeat());
        var c = assertInstanceOf(Command.Compare.class, parse("comparer threads cpu jvm jvm+gil --scale 0.1"));
        assertEquals(List.of(RuntimeKind.JVM, RuntimeKind.JVM_GIL), c.runtimes());
        assertEquals(0.1, c.spec().scale());
        assertEquals(List.of(), assertInstanceOf(Command.Compare.class, parse("compare threads cpu")).runtimes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "frobnicate | « frobnicate »",
            "run thread io | « thread »",
            "run threads disk | « disk »",
            "run threads | io ou cpu",
            "run threads io --tasks 0 | --tasks",
            "run threads io --scale beaucoup | --scale",
            "run threads io --runtime pypy | « pypy »",
            "run threads io --color | « --color »",
            "run threads io --tasks | --tasks",
            "run processes io --workers 500 | 64",
            "page douze | « douze »",
            "pages 3 | « 3 »",
            "timeit threads,sequential io | timeit",
    })
    @DisplayName("une ligne fautive : un message qui nomme le mot ou l'option")
    void invalidLinesSayWhy(String line, String named) {
        var i = assertInstanceOf(Command.Invalid.class, parse(line));
        assertTrue(i.message().contains(named), i.message());
    }
}
