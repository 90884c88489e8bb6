package concurrence.cli;

import concurrence.i18n.Messages;

import java.io.PrintStream;

/** Not written yet: says so. */
final class LessonsCommand {
    private final PrintStream err;
    private final Messages m;

    LessonsCommand(PrintStream out, PrintStream err, Messages m) {
        this.err = err;
        this.m = m;
    }

    int run(String[] args) {
        err.println(m.get("cli.not.yet"));
        return Cli.FAILED;
    }
}
