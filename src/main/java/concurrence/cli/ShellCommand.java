package concurrence.cli;

import concurrence.i18n.Messages;
import concurrence.lesson.CourseLoader;
import concurrence.shell.ShellMain;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code concurrence shell}: the course line by line (JLine), for screen readers, dumb terminals,
 * recordings and scripts; reads a pipe when standard input is not a terminal.
 *
 * <pre>{@code
 * concurrence shell --lang en
 * printf 'run threads io --scale 0.1\n' | concurrence shell
 * }</pre>
 */
final class ShellCommand extends SubCommand {
    static final String SYNTAX = "concurrence shell [--lang fr|en] [--lessons DIR] [--plain] [--reset]";

    ShellCommand(PrintStream out, PrintStream err, Messages m, Map<String, String> env) {
        super(out, err, m, env);
    }

    Options options() {
        return new Options()
                .addOption(Parsing.valued("lang", "fr|en", m.get("opt.lang")))
                .addOption(Parsing.valued("lessons", "DIR", m.get("shell.opt.lessons")))
                .addOption(Parsing.flag("plain", m.get("shell.opt.plain")))
                .addOption(Parsing.flag("reset", m.get("shell.opt.reset")))
                .addOption(Parsing.flag("help", m.get("opt.help")));
    }

    @Override int run(String[] args) {
        ShellMain.Options options;
        try {
            CommandLine line = Parsing.parse(options(), args, m);
            if (line.hasOption("help")) {
                out.print(Parsing.help(SYNTAX, options(), m));
                out.println(m.get("shell.help"));
                return Cli.OK;
            }
            Parsing.language(line, m);   // checked here; Cli took the messages' language from it already
            Path lessons = line.hasOption("lessons") ? Path.of(line.getOptionValue("lessons")) : CourseLoader.defaultRoot();
            options = new ShellMain.Options(lessons, line.hasOption("plain"), line.hasOption("reset"));
        } catch (Parsing.BadUsage e) {
            err.println("concurrence shell: " + e.getMessage());
            err.println(m.get("shell.usage", SYNTAX));
            return Cli.USAGE;
        }
        return ShellMain.run(options, out, err, m, env);
    }
}
