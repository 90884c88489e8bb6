package concurrence.cli;

import concurrence.i18n.Messages;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * The command line: reads the sub-command and hands over to it; returns the exit code
 * (0 done, 1 failed, 2 bad usage).
 *
 * <pre>{@code
 * int code = new Cli(System.out, System.err, System.getenv()).run(new String[] {"check"});
 * }</pre>
 *
 * <p>The language comes from {@code --lang} anywhere on the line, else French.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    public Cli(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public int run(String[] args) {
        Messages m = Messages.of(language(args));
        String command = args.length > 0 && !args[0].startsWith("-") ? args[0] : "";
        String[] rest = command.isEmpty() ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (command) {
                case "run" -> new RunCommand(out, err, m, env).run(rest);
                case "check" -> new CheckCommand(out, err, m, env).run(rest);
                case "lessons" -> new LessonsCommand(out, err, m, env).run(rest);
                case "shell" -> new ShellCommand(out, err, m, env).run(rest);
                case "export" -> new ExportCommand(out, err, m, env).run(rest);
                case "rehearse" -> new RehearseCommand(out, err, m, env).run(rest);
                case "" -> new AppCommand(out, err, m, env).run(rest);
                default -> {
                    err.println(m.get("cli.unknown.command", command));
                    err.println(m.get("cli.usage"));
                    yield USAGE;
                }
            };
        } catch (RuntimeException e) {
            err.println(m.get("cli.internal.error", e.toString()));
            e.printStackTrace(err);
            return FAILED;
        }
    }

    /** {@code --lang en} or {@code --lang=en} anywhere; French otherwise. */
    static String language(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) return args[i + 1];
            if (args[i].startsWith("--lang=")) return args[i].substring("--lang=".length());
        }
        return Messages.FRENCH;
    }
}
