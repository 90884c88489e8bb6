package concurrence.cli;

import concurrence.i18n.Messages;

import java.io.PrintStream;
import java.util.Map;

/**
 * {@code concurrence} with no sub-command: the course in the full-screen app.
 */
final class AppCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Messages m;
    private final Map<String, String> env;

    AppCommand(PrintStream out, PrintStream err, Messages m, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.m = m;
        this.env = env;
    }

    int run(String[] args) {
        for (String a : args) {
            if (a.equals("--version")) {
                String v = AppCommand.class.getPackage().getImplementationVersion();
                out.println("concurrence " + (v != null ? v : "dev"));
                return Cli.OK;
            }
            if (a.equals("--help") || a.equals("-h")) {
                out.println(m.get("cli.usage"));
                return Cli.OK;
            }
        }
        err.println(m.get("app.not.yet"));
        return Cli.FAILED;
    }
}
