package concurrence.cli;

import concurrence.engine.Machine;
import concurrence.engine.RuntimeKind;
import concurrence.engine.Runners;
import concurrence.engine.python.Interpreter;
import concurrence.engine.python.Probe;
import concurrence.engine.python.PythonFault;
import concurrence.engine.python.PythonFinder;
import concurrence.engine.python.Pythons;
import concurrence.i18n.Messages;
import concurrence.report.Durations;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.PrintStream;
import java.util.Map;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code concurrence check}: this machine as the experiments see it: cores, load, memory, the JVM,
 * the Pythons found (version, path, build, GIL, start method, and those set aside, with why),
 * and which runtimes can run.
 *
 * <pre>{@code
 * concurrence check --lang en
 * concurrence check --python /opt/python3.13t/bin/python3.13t
 * }</pre>
 */
final class CheckCommand extends SubCommand {
    CheckCommand(PrintStream out, PrintStream err, Messages m, Map<String, String> env) {
        super(out, err, m, env);
    }

    @Override int run(String[] args) {
        Options options = new Options().addOption(Parsing.valued("lang", "fr|en", m.get("opt.lang")))
                .addOption(Parsing.valued("python", "PATH", m.get("python.opt.python")))
                .addOption(Parsing.flag("help", m.get("opt.help")));
        Optional<Path> python;
        try {
            CommandLine line = Parsing.parse(options, args, m);
            if (line.hasOption("help")) {
                out.print(Parsing.help("concurrence check", options, m));
                return Cli.OK;
            }
            python = RunCommand.python(line, m);
        } catch (Parsing.BadUsage e) {
            err.println("concurrence check: " + e.getMessage());
            return Cli.USAGE;
        }
        Machine mc = Machine.detect();
        double load = Machine.loadAverage();
        out.println(m.get("check.host", mc.host()));
        out.println(m.get("check.cores", mc.cores(), mc.cpuModel()));
        out.println(m.get("check.memory", Durations.mebibytes(mc.memoryBytes(), m.locale(), m.get("unit.mib"))));
        out.println(m.get("check.load", Durations.ratio(load, m.locale()),
                Machine.busy(load, mc.cores()) ? m.get("check.load.busy") : m.get("check.load.quiet")));
        out.println(m.get("check.os", mc.os()));
        out.println(m.get("check.jvm", mc.jvm()));
        Pythons pythons = PythonFinder.system().search(python);
        printPythons(pythons);
        out.println(m.get("check.runtimes"));
        for (RuntimeKind r : RuntimeKind.values()) {
            String describe = m.get("runtime.describe." + r.id());
            boolean available = Runners.forRuntime(r, python).isPresent();
            if (!r.isJvm()) {
                Optional<Interpreter> i = pythons.interpreterFor(r);
                describe = i.isPresent()
                        ? m.get("python.check.runs", describe, label(i.get()), i.get().version())
                        : m.get("python.check.unavailable", describe, say(pythons.whyNot(r).orElseThrow()));
            }
            out.println("  " + m.get("check.runtime." + (available ? "yes" : "no"), r.id(), describe));
        }
        return Cli.OK;
    }

    private void printPythons(Pythons pythons) {
        out.println(m.get("python.check.title"));
        if (pythons.found().isEmpty()) out.println("  " + m.get("python.check.none"));
        for (Interpreter i : pythons.found()) {
            out.println("  " + m.get("python.check.found", label(i), i.version(), i.executable()));
            out.println(" ".repeat(23) + m.get("python.check.details",
                    m.get(i.freeThreadedBuild() ? "python.check.build.ft" : "python.check.build.gil"),
                    m.get(i.gilEnabledNow() ? "python.check.gil.on" : "python.check.gil.off"),
                    i.startMethod().isEmpty() ? "?" : i.startMethod(), i.implementation()));
        }
        if (!pythons.rejected().isEmpty()) {
            out.println("  " + m.get("python.check.rejected"));
            for (Probe.Rejected r : pythons.rejected()) out.println("    " + say(r.fault().brief()));
        }
    }

    /** How the user knows it: its name on the PATH, {@code --python} or {@code CONCURRENCE_PYTHON}. */
    private static String label(Interpreter i) {
        return switch (i.origin().kind()) {
            case PATH -> i.origin().name();
            case OPTION -> "--python";
            case ENVIRONMENT -> Interpreter.Origin.ENVIRONMENT_VARIABLE;
        };
    }

    private String say(PythonFault fault) { return m.get(fault.key(), fault.args()); }
}
