package concurrence.shell;

import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import concurrence.journal.ExportFormat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Tab offers for a word of the shell's line: command names, then, depending on the command,
 * strategies, tasks, runtimes, options, page numbers or export formats. Pure: the JLine completer
 * only hands it the words.
 *
 * <pre>{@code
 * Completion.candidates(List.of("lancer", "threads"), List.of(0, 1, 2));   // [io, cpu, --tasks, ...]
 * Completion.candidates(List.of("page"), List.of(0, 1, 2));                 // [0, 1, 2]
 * }</pre>
 */
public final class Completion {
    private Completion() {}

    /**
     * @param before the words before the one being completed (the command first)
     * @param pages  the course's page numbers
     */
    public static List<String> candidates(List<String> before, List<Integer> pages) {
        if (before.isEmpty()) return commandNames();
        Optional<String> command = CommandParser.canonical(before.get(0));
        if (command.isEmpty()) return List.of();
        List<String> args = before.subList(1, before.size());
        String previous = args.isEmpty() ? "" : args.get(args.size() - 1);
        if (previous.equals("--runtime")) return runtimes();
        if (CommandParser.specOptions().contains(previous)) return List.of();   // a number comes next
        int positional = positionalCount(args);
        return switch (command.get()) {
            case "page" -> args.isEmpty() ? pages.stream().map(String::valueOf).toList() : List.of();
            case "lancer" -> switch (positional) {
                case 0 -> join(strategies(), args.isEmpty() ? blocks() : List.of(), List.of("--runtime", "--scale"));
                case 1 -> isNumber(firstPositional(args)) ? List.of("--runtime", "--scale") : tasks();
                default -> isNumber(firstPositional(args)) ? List.of("--runtime", "--scale") : CommandParser.specOptions();
            };
            case "timeit" -> switch (positional) {
                case 0 -> strategies();
                case 1 -> tasks();
                default -> CommandParser.specOptions();
            };
            case "comparer" -> switch (positional) {
                case 0 -> strategies();
                case 1 -> tasks();
                default -> join(runtimes(), CommandParser.specOptions().stream().filter(o -> !o.equals("--runtime")).toList());
            };
            case "exporter" -> args.isEmpty() ? Arrays.stream(ExportFormat.values()).map(ExportFormat::id).toList() : List.of();
            case "résultats" -> args.isEmpty() ? List.of("tout", "all") : List.of();
            case "aide" -> args.isEmpty() ? commandNames() : List.of();
            default -> List.of();
        };
    }

    /** Every command name and alias, and the accented names without their accents. */
    static List<String> commandNames() {
        Set<String> names = new LinkedHashSet<>(CommandParser.allNames());
        for (String n : CommandParser.allNames()) names.add(CommandParser.fold(n));
        return List.copyOf(names);
    }

    private static List<String> strategies() { return Arrays.stream(StrategyKind.values()).map(StrategyKind::id).toList(); }

    private static List<String> tasks() { return Arrays.stream(TaskKind.values()).map(TaskKind::id).toList(); }

    private static List<String> runtimes() { return Arrays.stream(RuntimeKind.values()).map(RuntimeKind::id).toList(); }

    private static List<String> blocks() { return List.of("1", "2", "3"); }

    private static int positionalCount(List<String> args) {
        int n = 0;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).startsWith("--")) {
                if (!args.get(i).contains("=")) i++;
            } else {
                n++;
            }
        }
        return n;
    }

    private static String firstPositional(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).startsWith("--")) {
                if (!args.get(i).contains("=")) i++;
            } else {
                return args.get(i);
            }
        }
        return "";
    }

    private static boolean isNumber(String s) { return s.matches("\\d+"); }

    @SafeVarargs
    private static List<String> join(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) all.addAll(l);
        return all;
    }
}
