package concurrence.cli;

import concurrence.engine.Cancellation;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.Machine;
import concurrence.engine.Measurement;
import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import concurrence.engine.Runners;
import concurrence.engine.python.PythonException;
import concurrence.engine.python.PythonFinder;
import concurrence.i18n.Messages;
import concurrence.journal.Entry;
import concurrence.journal.Load;
import concurrence.journal.LoadProbe;
import concurrence.journal.MachineFacts;
import concurrence.journal.Session;
import concurrence.report.ReportFormat;
import concurrence.turn.Turn;
import concurrence.turn.TurnMessages;
import concurrence.turn.Turns;
import concurrence.report.ResultTable;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code concurrence run}: runs any experiment from the command line and prints its table.
 *
 * <pre>{@code
 * concurrence run --strategy sequential,threads --task io --scale 0.1 --format json
 * }</pre>
 */
final class RunCommand extends SubCommand {
    static final String SYNTAX = "concurrence run --strategy S[,S...] --task io|cpu [options]";

    RunCommand(PrintStream out, PrintStream err, Messages m, Map<String, String> env) {
        super(out, err, m, env);
    }

    Options options() {
        return new Options()
                .addOption(Parsing.valued("strategy", "S,...", m.get("run.opt.strategy", StrategyKind.names())))
                .addOption(Parsing.valued("task", "io|cpu", m.get("run.opt.task")))
                .addOption(Parsing.valued("tasks", "N", m.get("run.opt.tasks")))
                .addOption(Parsing.valued("workers", "N", m.get("run.opt.workers")))
                .addOption(Parsing.valued("runtime", "R", m.get("run.opt.runtime", RuntimeKind.names())))
                .addOption(Parsing.valued("python", "PATH", m.get("python.opt.python")))
                .addOption(Parsing.valued("switch-interval-ms", "MS", m.get("run.opt.switch")))
                .addOption(Parsing.valued("scale", "X", m.get("run.opt.scale")))
                .addOption(Parsing.valued("repeat", "K", m.get("run.opt.repeat")))
                .addOption(Parsing.valued("format", "F", m.get("run.opt.format")))
                .addOption(Parsing.valued("lang", "fr|en", m.get("opt.lang")))
                .addOption(Parsing.flag("help", m.get("opt.help")));
    }

    /** The parsed request: the specs to run, in order, and the output format. */
    record Request(List<ExperimentSpec> specs, ReportFormat format, Optional<Path> python) {}

    @Override int run(String[] args) {
        Request request;
        try {
            CommandLine line = Parsing.parse(options(), args, m);
            if (line.hasOption("help")) {
                out.print(Parsing.help(SYNTAX, options(), m));
                return Cli.OK;
            }
            request = request(line);
        } catch (Parsing.BadUsage e) {
            err.println("concurrence run: " + e.getMessage());
            err.println(m.get("cli.usage.run", SYNTAX));
            return Cli.USAGE;
        }
        Cancellation cancel = new Cancellation();
        Thread hook = new Thread(cancel::cancel, "cancel-run");
        Runtime.getRuntime().addShutdownHook(hook);
        List<Measurement> results = new ArrayList<>();
        Session session = Session.open(env, m, "run", MachineFacts.detect(), err::println);
        String batch = Entry.newBatch();
        Turns turns = Turns.shared(env);
        try (Turn turn = turns.acquire(request.specs().get(0).task(), TurnMessages.printing(err::println, m, turns.maxWait()), cancel)) {
            if (turn.outcome() == Turn.Outcome.CANCELLED) return Cli.FAILED;
            for (ExperimentSpec spec : request.specs()) {
                err.println(m.get("run.running", spec.strategy().id(), spec.task().id(), spec.runtime().id()));
                var runner = Runners.forRuntime(spec.runtime(), request.python());
                if (runner.isEmpty()) {
                    err.println(m.get("run.runtime.unavailable", spec.runtime().id()));
                    PythonFinder.system().search(request.python()).whyNot(spec.runtime())
                            .ifPresent(f -> err.println("  " + m.get(f.key(), f.args())));
                    return Cli.FAILED;
                }
                LoadProbe probe = LoadProbe.start();
                Measurement measured = runner.get().measure(spec, e -> {}, cancel);
                Load load = probe.stop();
                measured = load.onto(measured);
                results.add(measured);
                session.record(batch, Optional.empty(), measured, load, Optional.empty());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Cli.FAILED;
        } catch (PythonException e) {
            err.println(m.get("run.failed", m.get(e.fault().key(), e.fault().args())));
            return Cli.FAILED;
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            err.println(m.get("run.failed", e.getMessage()));
            return Cli.FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
        out.print(request.format().render(ResultTable.of(Machine.detect(), results, x -> Optional.empty()), m));
        return Cli.OK;
    }

    Request request(CommandLine line) throws Parsing.BadUsage {
        String strategies = line.getOptionValue("strategy");
        if (strategies == null) throw new Parsing.BadUsage(m.get("cli.missing.option", "--strategy"));
        List<StrategyKind> kinds = new ArrayList<>();
        for (String s : strategies.split(",")) {
            if (s.isBlank()) continue;
            kinds.add(StrategyKind.parse(s).orElseThrow(() ->
                    new Parsing.BadUsage(m.get("run.bad.strategy", s.strip(), StrategyKind.names()))));
        }
        if (kinds.isEmpty()) throw new Parsing.BadUsage(m.get("cli.missing.value", "--strategy"));
        String taskText = line.getOptionValue("task");
        if (taskText == null) throw new Parsing.BadUsage(m.get("cli.missing.option", "--task"));
        TaskKind task = TaskKind.parse(taskText).orElseThrow(() -> new Parsing.BadUsage(m.get("run.bad.task", taskText)));
        int tasks = Parsing.intIn(line, "tasks", 5, 1, ExperimentSpec.MAX_TASKS, m);
        int maxWorkers = kinds.contains(StrategyKind.PROCESSES) ? ExperimentSpec.MAX_PROCESS_WORKERS : ExperimentSpec.MAX_WORKERS;
        int workers = Parsing.intIn(line, "workers", 5, 1, maxWorkers, m);
        String runtimeText = line.getOptionValue("runtime", "jvm");
        RuntimeKind runtime = RuntimeKind.parse(runtimeText).orElseThrow(() ->
                new Parsing.BadUsage(m.get("run.bad.runtime", runtimeText, RuntimeKind.names())));
        double switchMs = Parsing.doubleIn(line, "switch-interval-ms", 5, 0.01, 1000, m);
        double scale = Parsing.doubleIn(line, "scale", 1, ExperimentSpec.MIN_SCALE, ExperimentSpec.MAX_SCALE, m);
        int repeat = Parsing.intIn(line, "repeat", 1, 1, ExperimentSpec.MAX_REPEAT, m);
        String formatText = line.getOptionValue("format", "table");
        ReportFormat format = ReportFormat.parse(formatText).orElseThrow(() -> new Parsing.BadUsage(m.get("run.bad.format", formatText)));
        Parsing.language(line, m);   // checked here; Cli took the messages' language from it already
        Duration interval = Duration.ofNanos(Math.round(switchMs * 1e6));
        List<ExperimentSpec> specs = new ArrayList<>();
        for (StrategyKind k : kinds)
            specs.add(new ExperimentSpec(k, task, tasks, workers, runtime, scale, interval, repeat));
        return new Request(specs, format, python(line, m));
    }

    /** {@code --python PATH}: the interpreter chosen for the Python runtimes, if given. */
    static Optional<Path> python(CommandLine line, Messages m) throws Parsing.BadUsage {
        String v = line.getOptionValue("python");
        if (v == null) return Optional.empty();
        try {
            if (!v.isBlank()) return Optional.of(Path.of(v.strip()));
        } catch (InvalidPathException e) {
            // below
        }
        throw new Parsing.BadUsage(m.get("cli.missing.value", "--python"));
    }
}
