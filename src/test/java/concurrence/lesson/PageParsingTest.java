package concurrence.lesson;

import concurrence.engine.ExperimentSpec;
import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import concurrence.i18n.Messages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

@DisplayName("Une page bien formée")
class PageParsingTest {
    @TempDir Path root;

    private Lesson load(String body) {
        Pages.write(root, "fr", "04-threads-io.md", "---\ntitle: Threads et IO\nsummary: cinq attentes\nnotebook: cellules 2-4\n---\n\n" + body);
        Course course = CourseLoader.load(root, "fr", Messages.of("en"));
        assertEquals(List.of(), course.problems());
        return course.lessons().get(0);
    }

    @Test
    @DisplayName("donne son numéro, son slug, sa langue, son fichier et son en-tête")
    void frontMatterAndName() {
        Lesson page = load("Du texte.\n");
        assertEquals(4, page.number());
        assertEquals("threads-io", page.slug());
        assertEquals("fr", page.language());
        assertEquals(root.resolve("fr").resolve("04-threads-io.md"), page.source());
        assertEquals("Threads et IO", page.title());
        assertEquals("cinq attentes", page.summary());
        assertEquals("cellules 2-4", page.notebook());
    }

    @Nested
    @DisplayName("dans un paragraphe")
    class Inlines {
        @Test
        @DisplayName("garde le texte, l'emphase, le gras, le code et les liens avec leur adresse")
        void styles() {
            Lesson page = load("Du *texte* en **gras**, du `code` et la [PEP 703](https://peps.python.org/pep-0703/).\n");
            assertEquals(new Block.Paragraph(List.of(
                    Inline.plain("Du "),
                    new Inline("texte", Inline.Style.EMPHASIS, ""),
                    Inline.plain(" en "),
                    new Inline("gras", Inline.Style.STRONG, ""),
                    Inline.plain(", du "),
                    new Inline("code", Inline.Style.CODE, ""),
                    Inline.plain(" et la "),
                    new Inline("PEP 703", Inline.Style.LINK, "https://peps.python.org/pep-0703/"),
                    Inline.plain("."))), page.blocks().get(0));
        }

        @Test
        @DisplayName("change un saut de ligne simple en espace, un saut forcé en retour à la ligne")
        void breaks() {
            Lesson page = load("une ligne\nla suite  \ncoupée\n");
            assertEquals(new Block.Paragraph(List.of(Inline.plain("une ligne la suite\ncoupée"))), page.blocks().get(0));
        }

        @Test
        @DisplayName("dans un lien, tout est le lien")
        void insideALink() {
            Lesson page = load("[la *doc* de `asyncio`](https://docs.python.org/3/library/asyncio.html)\n");
            assertEquals(new Block.Paragraph(List.of(new Inline("la doc de asyncio", Inline.Style.LINK,
                    "https://docs.python.org/3/library/asyncio.html"))), page.blocks().get(0));
        }
    }

    @Nested
    @DisplayName("en blocs")
    class Blocks {
        @Test
        @DisplayName("lit titres, listes imbriquées, citations, code, filets")
        void structure() {
            Lesson page = load("""
                    ## Ce qu'il faut regarder

                    3. trois
                    4. quatre
                       - dedans

                    > une citation

                    ```python title="x"
                    time.sleep(1)
                    ```

                        indenté

                    ---
                    """);
            List<Block> b = page.blocks();
            assertEquals(new Block.Heading(2, List.of(Inline.plain("Ce qu'il faut regarder"))), b.get(0));
            assertEquals(new Block.ListBlock(true, 3, List.of(
                    List.of(new Block.Paragraph(List.of(Inline.plain("trois")))),
                    List.of(new Block.Paragraph(List.of(Inline.plain("quatre"))),
                            new Block.ListBlock(false, 1, List.of(List.of(new Block.Paragraph(List.of(Inline.plain("dedans"))))))))), b.get(1));
            assertEquals(new Block.Quote(List.of(new Block.Paragraph(List.of(Inline.plain("une citation"))))), b.get(2));
            assertEquals(new Block.Code("python", "time.sleep(1)"), b.get(3));
            assertEquals(new Block.Code("", "indenté"), b.get(4));
            assertEquals(new Block.Rule(), b.get(5));
            assertEquals(6, b.size());
        }
    }

    @Nested
    @DisplayName("avec un bloc experiment")
    class Experiments {
        @Test
        @DisplayName("prend les valeurs par défaut du README pour ce qu'il ne dit pas")
        void defaults() {
            Lesson page = load("```experiment\ntask: io\ncompare: threads, sequential\n```\n");
            ExperimentDecl d = page.experiments().get(0);
            assertEquals(7, d.line());
            assertEquals(ExperimentDecl.Kind.RUN, d.kind());
            assertEquals(TaskKind.IO, d.task());
            assertEquals(List.of(StrategyKind.THREADS, StrategyKind.SEQUENTIAL), d.compare());
            assertEquals(5, d.tasks());
            assertEquals(5, d.workers());
            assertEquals(List.of(RuntimeKind.JVM_GIL, RuntimeKind.JVM), d.runtimes());
            assertEquals(1, d.repeat());
            assertEquals(1.0, d.scale());
            assertEquals(ExperimentSpec.DEFAULT_SWITCH_INTERVAL, d.switchInterval());
            assertEquals(Set.of(ExperimentDecl.Panel.TIMELINE), d.show());
            assertEquals(0, d.references().size());
        }

        @Test
        @DisplayName("lit chaque clé et les chiffres du notebook en nanosecondes")
        void everyKey() {
            Lesson page = load("""
                    ```experiment
                    kind: run
                    task: cpu
                    compare: processes, threads
                    tasks: 7
                    workers: 3
                    runtimes: python, jvm
                    repeat: 7
                    scale: 0.25
                    switch-interval-ms: 0.5
                    show: gil, memory, children
                    reference processes: mean 1.11 s, std 6.03 ms, runs 7
                    reference threads: wall 6.01 s, user 5.05 s, sys 922 ms, cpu 5.97 s
                    ```
                    """);
            ExperimentDecl d = page.experiments().get(0);
            assertEquals(TaskKind.CPU, d.task());
            assertEquals(List.of(StrategyKind.PROCESSES, StrategyKind.THREADS), d.compare());
            assertEquals(7, d.tasks());
            assertEquals(3, d.workers());
            assertEquals(List.of(RuntimeKind.PYTHON, RuntimeKind.JVM), d.runtimes());
            assertEquals(7, d.repeat());
            assertEquals(0.25, d.scale());
            assertEquals(Duration.ofNanos(500_000), d.switchInterval());
            assertEquals(Set.of(ExperimentDecl.Panel.GIL, ExperimentDecl.Panel.MEMORY, ExperimentDecl.Panel.CHILDREN), d.show());
            assertEquals(new Reference(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                    OptionalLong.of(1_110_000_000L), OptionalLong.of(6_030_000L), OptionalInt.of(7)), d.references().get(StrategyKind.PROCESSES));
            assertEquals(new Reference(OptionalLong.of(6_010_000_000L), OptionalLong.of(5_050_000_000L), OptionalLong.of(922_000_000L),
                    OptionalLong.of(5_970_000_000L), OptionalLong.empty(), OptionalLong.empty(), OptionalInt.empty()),
                    d.references().get(StrategyKind.THREADS));
            assertEquals(2, d.specs(RuntimeKind.JVM).size());
        }

        @Test
        @DisplayName("lit les blocs machine, runtimes et summary")
        void otherKinds() {
            Lesson page = load("```experiment\nkind: machine\n```\n\n```experiment\nkind: runtimes\n```\n\n```experiment\nkind: summary\n```\n");
            assertEquals(List.of(ExperimentDecl.Kind.MACHINE, ExperimentDecl.Kind.RUNTIMES, ExperimentDecl.Kind.SUMMARY),
                    page.experiments().stream().map(ExperimentDecl::kind).toList());
            assertInstanceOf(Block.Experiment.class, page.blocks().get(0));
        }
    }

    @Test
    @DisplayName("lit les durées en ns, µs, us, ms et s, avec un point décimal")
    void durations() {
        assertEquals(OptionalLong.of(0), ExperimentParser.durationNanos("0 ns"));
        assertEquals(OptionalLong.of(487_000), ExperimentParser.durationNanos("487 µs"));
        assertEquals(OptionalLong.of(487_000), ExperimentParser.durationNanos("487 us"));
        assertEquals(OptionalLong.of(46_900_000), ExperimentParser.durationNanos("46.9 ms"));
        assertEquals(OptionalLong.of(1_001_014_709L), ExperimentParser.durationNanos("1.0010147094726562 s"));
        assertEquals(OptionalLong.empty(), ExperimentParser.durationNanos("1,11 s"));
    }
}
