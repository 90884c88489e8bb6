package concurrence.cli;

import concurrence.engine.Machine;
import concurrence.engine.RuntimeKind;
import concurrence.engine.Runners;
import concurrence.i18n.Messages;
import concurrence.report.Durations;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.PrintStream;

/**
 * {@code concurrence check}: this machine as the experiments see it: cores, load, memory, the JVM,
 * and which runtimes can run.
 *
 * <pre>{@code
 * concurrence check --lang en
 * }</pre>
 */
final class CheckCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Messages m;

    CheckCommand(PrintStream out, PrintStream err, Messages m) {
        this.out = out;
        this.err = err;
        this.m = m;
    }

    int run(String[] args) {
        Options options = new Options().addOption(Parsing.valued("lang", "fr|en", m.get("opt.lang")))
                .addOption(Parsing.flag("help", m.get("opt.help")));
        try {
            CommandLine line = Parsing.parse(options, args, m);
            if (line.hasOption("help")) {
                out.print(Parsing.help("concurrence check", options, m));
                return Cli.OK;
            }
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
        out.println(m.get("check.runtimes"));
        for (RuntimeKind r : RuntimeKind.values())
            out.println("  " + m.get("check.runtime." + (Runners.forRuntime(r).isPresent() ? "yes" : "no"), r.id(),
                    m.get("runtime.describe." + r.id())));
        return Cli.OK;
    }
}
