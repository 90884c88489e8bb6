package concurrence.shell;

import concurrence.engine.Runners;
import concurrence.i18n.Messages;
import concurrence.journal.MachineFacts;
import concurrence.journal.Session;
import concurrence.lesson.Course;
import concurrence.lesson.CourseLoader;
import concurrence.lesson.Lesson;
import concurrence.turn.Turns;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Starts the line mode: loads the course, opens the journal, and reads commands from the
 * terminal (JLine) or, when standard input is not a terminal, from the pipe.
 *
 * <pre>{@code
 * int code = ShellMain.run(new ShellMain.Options(CourseLoader.defaultRoot(), false, false), System.out, System.err, m, System.getenv());
 * }</pre>
 */
public final class ShellMain {
    private ShellMain() {}

    /**
     * @param plain never redraw lines in place (screen readers, recordings)
     * @param reset forget the progress first, after a confirmation
     */
    public record Options(Path lessons, boolean plain, boolean reset) {}

    public static int run(Options o, PrintStream out, PrintStream err, Messages m, Map<String, String> env) {
        Course course = CourseLoader.load(o.lessons(), m.language(), m);
        course.problems().forEach(p -> err.println(p.toString()));
        if (course.lessons().isEmpty()) err.println(m.get("shell.course.empty", o.lessons()));
        Session session = Session.open(env, m, "shell", MachineFacts.detect(), err::println);
        Turns turns = Turns.shared(env);
        if (!stdinIsTerminal()) {
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            try (Console console = new StreamConsole(in, out, err, columns(env))) {
                return start(new Shell(console, m, course, session, turns, Runners::forRuntime), o);
            }
        }
        Terminal terminal;
        try {
            terminal = TerminalBuilder.builder().name("concurrence").system(true).dumb(true).build();
        } catch (IOException | RuntimeException e) {
            err.println(m.get("shell.no.terminal", e.getMessage()));
            return 1;
        }
        try (terminal) {
            List<Integer> pages = course.lessons().stream().map(Lesson::number).toList();
            LineReaderBuilder builder = LineReaderBuilder.builder().appName("concurrence").terminal(terminal)
                    .completer(new ShellCompleter(() -> pages))
                    .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                    .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
            if (session.journal().available()) {
                Path history = session.journal().dir().resolve("history");
                privateFile(history);
                builder.variable(LineReader.HISTORY_FILE, history);
            }
            try (Console console = new TerminalConsole(terminal, builder.build(), o.plain())) {
                return start(new Shell(console, m, course, session, turns, Runners::forRuntime), o);
            }
        } catch (IOException e) {
            return 0;   // closing the terminal failed: nothing left to do
        }
    }

    private static int start(Shell shell, Options o) {
        if (o.reset()) shell.execute(new Command.Reset());
        return shell.run();
    }

    /** The history, like the journal, is for its owner's eyes only. */
    private static void privateFile(Path file) {
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS))
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            else Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            // the history is a comfort, not a record: JLine keeps it in memory
        }
    }

    /** Whether standard input is a terminal: on Linux, what {@code /proc/self/fd/0} points to. */
    static boolean stdinIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    private static int columns(Map<String, String> env) {
        try {
            int c = Integer.parseInt(env.getOrDefault("COLUMNS", "80").strip());
            return c >= 20 ? c : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
