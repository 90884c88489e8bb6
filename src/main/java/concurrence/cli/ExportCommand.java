package concurrence.cli;

import concurrence.i18n.Messages;
import concurrence.journal.Export;
import concurrence.journal.ExportFormat;
import concurrence.journal.Journal;
import concurrence.journal.NotebookFigures;
import concurrence.lesson.CourseLoader;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code concurrence export}: every run in the journal, with the notebook's figure and the ideal
 * beside each, as Markdown, CSV or JSON, on standard output or into a file.
 *
 * <pre>{@code
 * concurrence export --format csv --output resultats.csv
 * concurrence export --format json | jq '.runs[].result.wall_s'
 * }</pre>
 */
final class ExportCommand extends SubCommand {
    static final String SYNTAX = "concurrence export [--format markdown|csv|json] [--output FILE] [--lang fr|en]";

    ExportCommand(PrintStream out, PrintStream err, Messages m, Map<String, String> env) {
        super(out, err, m, env);
    }

    Options options() {
        return new Options()
                .addOption(Parsing.valued("format", "F", m.get("export.opt.format")))
                .addOption(Parsing.valued("output", "FILE", m.get("export.opt.output")))
                .addOption(Parsing.valued("lessons", "DIR", m.get("export.opt.lessons")))
                .addOption(Parsing.valued("lang", "fr|en", m.get("opt.lang")))
                .addOption(Parsing.flag("help", m.get("opt.help")));
    }

    @Override int run(String[] args) {
        ExportFormat format;
        String output;
        Path lessons;
        try {
            CommandLine line = Parsing.parse(options(), args, m);
            if (line.hasOption("help")) {
                out.print(Parsing.help(SYNTAX, options(), m));
                return Cli.OK;
            }
            String f = line.getOptionValue("format", "markdown");
            format = ExportFormat.parse(f).orElseThrow(() -> new Parsing.BadUsage(m.get("export.bad.format", f, ExportFormat.names())));
            output = line.getOptionValue("output", "-");
            lessons = line.hasOption("lessons") ? Path.of(line.getOptionValue("lessons")) : CourseLoader.defaultRoot();
            Parsing.language(line, m);   // checked here; Cli took the messages' language from it already
        } catch (Parsing.BadUsage e) {
            err.println("concurrence export: " + e.getMessage());
            err.println(m.get("export.usage", SYNTAX));
            return Cli.USAGE;
        }
        Journal journal = Journal.openDefault(env, m);
        if (journal.problem().isPresent()) {
            err.println(journal.problem().get());
            return Cli.FAILED;
        }
        NotebookFigures figures = NotebookFigures.of(CourseLoader.load(lessons, m.language()));
        if (output.equals("-")) {
            Journal.Contents contents = journal.read();
            contents.warnings().forEach(err::println);
            if (contents.runs().isEmpty()) err.println(m.get("export.empty", journal.file()));
            out.print(Export.render(contents.runs(), format, m, figures));
            out.flush();
            return Cli.OK;
        }
        Path target = Path.of(output);
        Export.Written written;
        try {
            written = Export.toFile(journal, target, format, m, figures);
        } catch (IOException | RuntimeException e) {
            err.println(m.get("export.write.failed", target, e.getMessage() != null ? e.getMessage() : e.toString()));
            return Cli.FAILED;
        }
        written.warnings().forEach(err::println);
        if (written.runs() == 0) err.println(m.get("export.empty", journal.file()));
        err.println(m.get("export.written", written.runs(), target));
        return Cli.OK;
    }
}
