package concurrence.cli;

import concurrence.i18n.Messages;
import concurrence.lesson.CourseLoader;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Option parsing shared by the sub-commands: Commons CLI, with messages that name the option.
 *
 * <pre>{@code
 * int tasks = Parsing.intIn(line, "tasks", 5, 1, 100_000, m);   // throws BadUsage naming --tasks
 * }</pre>
 */
final class Parsing {
    private Parsing() {}

    /** A usage error: one clear line for the user, then the usage, and exit code 2. */
    static final class BadUsage extends Exception {
        BadUsage(String message) { super(message, null, false, false); }
    }

    static Option valued(String name, String argName, String description) {
        return Option.builder().longOpt(name).hasArg().argName(argName).desc(description).get();
    }

    static Option flag(String name, String description) {
        return Option.builder().longOpt(name).desc(description).get();
    }

    static CommandLine parse(Options options, String[] args, Messages m) throws BadUsage {
        try {
            CommandLine line = DefaultParser.builder().get().parse(options, args);
            if (!line.getArgList().isEmpty()) throw new BadUsage(m.get("cli.unexpected.argument", line.getArgList().get(0)));
            return line;
        } catch (org.apache.commons.cli.AmbiguousOptionException e) {
            throw new BadUsage(m.get("cli.ambiguous.option", e.getOption(), String.join(", ", e.getMatchingOptions())));
        } catch (org.apache.commons.cli.UnrecognizedOptionException e) {
            throw new BadUsage(m.get("cli.unknown.option", e.getOption()));
        } catch (org.apache.commons.cli.MissingArgumentException e) {
            throw new BadUsage(m.get("cli.missing.value", "--" + e.getOption().getLongOpt()));
        } catch (org.apache.commons.cli.MissingOptionException e) {
            throw new BadUsage(m.get("cli.missing.option", "--" + e.getMissingOptions().get(0)));
        } catch (ParseException e) {
            throw new BadUsage(e.getMessage());
        }
    }

    static int intIn(CommandLine line, String option, int fallback, int min, int max, Messages m) throws BadUsage {
        String v = line.getOptionValue(option);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v.strip().replace("_", ""));
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // below
        }
        throw new BadUsage(m.get("cli.bad.int", "--" + option, v, min, max));
    }

    static double doubleIn(CommandLine line, String option, double fallback, double min, double max, Messages m) throws BadUsage {
        String v = line.getOptionValue(option);
        if (v == null) return fallback;
        try {
            double d = Double.parseDouble(v.strip().replace(',', '.'));
            if (d >= min && d <= max) return d;
        } catch (NumberFormatException e) {
            // below
        }
        throw new BadUsage(m.get("cli.bad.number", "--" + option, v, fmt(min), fmt(max)));
    }

    static String fmt(double d) { return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d); }

    static String help(String syntax, Options options, Messages m) {
        StringWriter w = new StringWriter();
        new HelpFormatter().printHelp(new PrintWriter(w), 100, syntax, "", options, 2, 2, "", false);
        return w.toString();
    }

    /** {@code --lang}: {@code fr} (the default) or {@code en}. */
    static String language(CommandLine line, Messages m) throws BadUsage {
        String language = line.getOptionValue("lang", Messages.FRENCH);
        if (!CourseLoader.LANGUAGES.contains(language)) throw new BadUsage(m.get("cli.bad.lang", language));
        return language;
    }

    /**
     * {@code --lessons DIR}, which must be a folder ({@code badFolder} says so, naming it); the
     * course the app was installed with when the option is absent.
     */
    static Path lessonsFolder(CommandLine line, Messages m, String badFolder) throws BadUsage {
        String folder = line.getOptionValue("lessons");
        if (folder == null) return CourseLoader.defaultRoot();
        try {
            Path path = Path.of(folder);
            if (!Files.isDirectory(path)) throw new BadUsage(m.get(badFolder, folder));
            return path;
        } catch (InvalidPathException e) {
            throw new BadUsage(m.get(badFolder, folder));
        }
    }
}
