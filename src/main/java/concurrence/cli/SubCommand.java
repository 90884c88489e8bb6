package concurrence.cli;

import concurrence.i18n.Messages;

import java.io.PrintStream;
import java.util.Map;

/**
 * One sub-command of the command line: what every one is given (where to print, the messages of
 * the language asked for, the environment), and {@link #run}, which returns the exit code.
 *
 * <pre>{@code
 * SubCommand check = new CheckCommand(System.out, System.err, Messages.of("en"), System.getenv());
 * int code = check.run(new String[] {"--python", "/usr/bin/python3"});   // 0 done, 1 failed, 2 bad usage
 * }</pre>
 */
abstract sealed class SubCommand
        permits AppCommand, CheckCommand, ExportCommand, LessonsCommand, RehearseCommand, RunCommand, ShellCommand {
    protected final PrintStream out;
    protected final PrintStream err;
    protected final Messages m;
    protected final Map<String, String> env;

    SubCommand(PrintStream out, PrintStream err, Messages m, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.m = m;
        this.env = env;
    }

    /** Runs with the arguments that follow the sub-command's name. */
    abstract int run(String[] args);
}
