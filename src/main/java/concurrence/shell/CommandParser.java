package concurrence.shell;

import concurrence.engine.ExperimentSpec;
import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import concurrence.i18n.Messages;
import concurrence.journal.ExportFormat;

import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Reads a line of the shell: French command names first, English aliases beside them, accents
 * optional ({@code resultats} is {@code résultats}), case ignored.
 *
 * <pre>{@code
 * CommandParser.parse("run threads io --tasks 5 --workers 5 --runtime jvm --scale 0.1", m);
 * CommandParser.parse("page 4", m);          // Show[page=OptionalInt[4]]
 * CommandParser.parse("lancer --scale 0.2", m);
 * }</pre>
 */
public final class CommandParser {
    /** Each command: its French name, then its English names and short forms. The order of the help. */
    public static final Map<String, List<String>> NAMES = names();

    private static final List<String> SPEC_OPTIONS = List.of("--tasks", "--workers", "--runtime", "--scale", "--repeat",
            "--switch-interval-ms");

    private CommandParser() {}

    private static Map<String, List<String>> names() {
        Map<String, List<String>> n = new LinkedHashMap<>();
        n.put("pages", List.of("lessons", "sommaire"));
        n.put("page", List.of("show", "voir"));
        n.put("suivante", List.of("next", "n"));
        n.put("précédente", List.of("previous", "prev", "p"));
        n.put("lancer", List.of("run"));
        n.put("timeit", List.of());
        n.put("comparer", List.of("compare"));
        n.put("résultats", List.of("results"));
        n.put("exporter", List.of("export"));
        n.put("machine", List.of());
        n.put("oublier", List.of("reset"));
        n.put("aide", List.of("help", "?"));
        n.put("quitter", List.of("quit", "exit", "q"));
        return java.util.Collections.unmodifiableMap(n);
    }

    /** The options {@code lancer}, {@code timeit} and {@code comparer} take. */
    public static List<String> specOptions() { return SPEC_OPTIONS; }

    /** Every name and alias, for completion. */
    public static List<String> allNames() {
        List<String> all = new ArrayList<>();
        NAMES.forEach((k, v) -> {
            all.add(k);
            all.addAll(v);
        });
        return all;
    }

    /** The French name of a command typed in any of its forms, if it is one. */
    public static Optional<String> canonical(String word) {
        String w = fold(word);
        for (var e : NAMES.entrySet()) {
            if (fold(e.getKey()).equals(w)) return Optional.of(e.getKey());
            for (String alias : e.getValue()) if (fold(alias).equals(w)) return Optional.of(e.getKey());
        }
        return Optional.empty();
    }

    /** Lower case, accents removed: {@code Précédente} is {@code precedente}. */
    static String fold(String s) {
        return Normalizer.normalize(s.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    public static Command parse(String line, Messages m) {
        List<String> words = List.of(line.strip().split("\\s+"));
        if (line.isBlank()) return new Command.Empty();
        String verb = words.get(0);
        List<String> args = words.subList(1, words.size());
        Optional<String> name = canonical(verb);
        if (name.isEmpty()) return new Command.Invalid(m.get("shell.unknown.command", verb));
        try {
            return switch (name.get()) {
                case "pages" -> noArgs(args, new Command.Pages(), m);
                case "page" -> args.isEmpty() ? new Command.Show(OptionalInt.empty())
                        : new Command.Show(OptionalInt.of(integer(args.get(0), m.get("shell.what.page"), 0, 99, m)));
                case "suivante" -> noArgs(args, new Command.Next(), m);
                case "précédente" -> noArgs(args, new Command.Previous(), m);
                case "lancer" -> run(args, m);
                case "timeit" -> timeit(args, m);
                case "comparer" -> compare(args, m);
                case "résultats" -> results(args, m);
                case "exporter" -> export(args, m);
                case "machine" -> noArgs(args, new Command.Machine(), m);
                case "oublier" -> noArgs(args, new Command.Reset(), m);
                case "aide" -> new Command.Help(args.isEmpty() ? Optional.empty() : Optional.of(args.get(0)));
                case "quitter" -> new Command.Quit();
                default -> new Command.Invalid(m.get("shell.unknown.command", verb));
            };
        } catch (Bad e) {
            return new Command.Invalid(e.getMessage());
        }
    }

    /** A word of the line that does not fit: the message names it. */
    private static final class Bad extends Exception {
        Bad(String message) { super(message, null, false, false); }
    }

    private static Command noArgs(List<String> args, Command c, Messages m) throws Bad {
        if (!args.isEmpty()) throw new Bad(m.get("shell.unexpected", args.get(0)));
        return c;
    }

    private static Command run(List<String> args, Messages m) throws Bad {
        if (args.isEmpty() || args.get(0).startsWith("--") || args.get(0).matches("\\d+")) {
            int block = 1;
            int i = 0;
            if (!args.isEmpty() && args.get(0).matches("\\d+")) {
                block = integer(args.get(0), m.get("shell.what.block"), 1, 9, m);
                i = 1;
            }
            Map<String, String> options = options(args.subList(i, args.size()), List.of("--runtime", "--scale"), m);
            Optional<RuntimeKind> runtime = options.containsKey("--runtime") ? Optional.of(runtime(options.get("--runtime"), m)) : Optional.empty();
            OptionalDouble scale = options.containsKey("--scale")
                    ? OptionalDouble.of(number(options.get("--scale"), "--scale", ExperimentSpec.MIN_SCALE, ExperimentSpec.MAX_SCALE, m))
                    : OptionalDouble.empty();
            return new Command.RunPage(block, runtime, scale);
        }
        return new Command.RunAny(specs(args, 1, m));
    }

    /** %timeit repeats 7 times unless told otherwise. */
    private static Command timeit(List<String> args, Messages m) throws Bad {
        List<ExperimentSpec> specs = specs(args, 7, m);
        if (specs.size() > 1) throw new Bad(m.get("shell.one.strategy", "timeit"));
        return new Command.Timeit(specs.get(0));
    }

    /** {@code comparer STRATEGY TASK [RUNTIME ...] [options]}: the words after the task are runtimes. */
    private static Command compare(List<String> args, Messages m) throws Bad {
        List<Integer> positional = positional(args);
        List<RuntimeKind> runtimes = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            int rank = positional.indexOf(i);
            if (rank >= 2) runtimes.add(runtime(args.get(i), m));
            else rest.add(args.get(i));
        }
        if (runtimes.isEmpty() && rest.stream().anyMatch(a -> a.startsWith("--runtime"))) throw new Bad(m.get("shell.compare.runtimes"));
        List<ExperimentSpec> specs = specs(rest, 1, m);
        if (specs.size() > 1) throw new Bad(m.get("shell.one.strategy", "comparer"));
        return new Command.Compare(specs.get(0), runtimes);
    }

    private static Command results(List<String> args, Messages m) throws Bad {
        if (args.isEmpty()) return new Command.Results(false);
        String a = fold(args.get(0));
        if (args.size() == 1 && (a.equals("tout") || a.equals("all"))) return new Command.Results(true);
        throw new Bad(m.get("shell.unexpected", args.get(args.size() == 1 ? 0 : 1)));
    }

    private static Command export(List<String> args, Messages m) throws Bad {
        ExportFormat format = ExportFormat.MARKDOWN;
        Optional<String> file = Optional.empty();
        for (String a : args) {
            Optional<ExportFormat> f = ExportFormat.parse(a);
            if (f.isPresent() && file.isEmpty()) format = f.get();
            else if (file.isEmpty()) file = Optional.of(a);
            else throw new Bad(m.get("shell.unexpected", a));
        }
        return new Command.Export(format, file);
    }

    /** The indexes of the words that are neither options nor their values. */
    private static List<Integer> positional(List<String> args) {
        List<Integer> p = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                if (!a.contains("=")) i++;
            } else {
                p.add(i);
            }
        }
        return p;
    }

    /** {@code STRATEGY[,STRATEGY] TASK [--tasks N] [--workers N] [--runtime R] [--scale X] [--repeat K] [--switch-interval-ms MS]}. */
    static List<ExperimentSpec> specs(List<String> args, int defaultRepeat, Messages m) throws Bad {
        List<Integer> at = positional(args);
        List<String> positional = at.stream().map(args::get).toList();
        if (positional.isEmpty()) throw new Bad(m.get("shell.missing.strategy", StrategyKind.names()));
        if (positional.size() < 2) throw new Bad(m.get("shell.missing.task"));
        if (positional.size() > 2) throw new Bad(m.get("shell.unexpected", positional.get(2)));
        List<StrategyKind> strategies = new ArrayList<>();
        for (String s : positional.get(0).split(",")) {
            if (s.isBlank()) continue;
            strategies.add(StrategyKind.parse(s).orElseThrow(() -> new Bad(m.get("shell.bad.strategy", s, StrategyKind.names()))));
        }
        if (strategies.isEmpty()) throw new Bad(m.get("shell.missing.strategy", StrategyKind.names()));
        TaskKind task = TaskKind.parse(positional.get(1)).orElseThrow(() -> new Bad(m.get("shell.bad.task", positional.get(1))));
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) if (!at.contains(i)) rest.add(args.get(i));
        Map<String, String> o = options(rest, SPEC_OPTIONS, m);
        int tasks = o.containsKey("--tasks") ? integer(o.get("--tasks"), "--tasks", 1, ExperimentSpec.MAX_TASKS, m) : 5;
        int maxWorkers = strategies.contains(StrategyKind.PROCESSES) ? ExperimentSpec.MAX_PROCESS_WORKERS : ExperimentSpec.MAX_WORKERS;
        int workers = o.containsKey("--workers") ? integer(o.get("--workers"), "--workers", 1, maxWorkers, m) : 5;
        RuntimeKind runtime = o.containsKey("--runtime") ? runtime(o.get("--runtime"), m) : RuntimeKind.JVM;
        double scale = o.containsKey("--scale") ? number(o.get("--scale"), "--scale", ExperimentSpec.MIN_SCALE, ExperimentSpec.MAX_SCALE, m) : 1;
        int repeat = o.containsKey("--repeat") ? integer(o.get("--repeat"), "--repeat", 1, ExperimentSpec.MAX_REPEAT, m) : defaultRepeat;
        double switchMs = o.containsKey("--switch-interval-ms") ? number(o.get("--switch-interval-ms"), "--switch-interval-ms", 0.01, 1000, m) : 5;
        List<ExperimentSpec> specs = new ArrayList<>();
        for (StrategyKind s : strategies)
            specs.add(new ExperimentSpec(s, task, tasks, workers, runtime, scale, Duration.ofNanos(Math.round(switchMs * 1e6)), repeat));
        return specs;
    }

    /** {@code --name value} or {@code --name=value}, each among {@code allowed}. */
    private static Map<String, String> options(List<String> args, List<String> allowed, Messages m) throws Bad {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) throw new Bad(m.get("shell.unexpected", a));
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (!allowed.contains(name)) throw new Bad(m.get("shell.unknown.option", name, String.join(", ", allowed)));
            String value;
            if (a.contains("=")) value = a.substring(a.indexOf('=') + 1);
            else if (i + 1 < args.size()) value = args.get(++i);
            else throw new Bad(m.get("shell.missing.value", name));
            o.put(name, value);
        }
        return o;
    }

    private static RuntimeKind runtime(String text, Messages m) throws Bad {
        return RuntimeKind.parse(text).orElseThrow(() -> new Bad(m.get("shell.bad.runtime", text, RuntimeKind.names())));
    }

    private static int integer(String text, String what, int min, int max, Messages m) throws Bad {
        try {
            int n = Integer.parseInt(text.strip().replace("_", ""));
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // below
        }
        throw new Bad(m.get("shell.bad.int", what, text, min, max));
    }

    private static double number(String text, String what, double min, double max, Messages m) throws Bad {
        try {
            double d = Double.parseDouble(text.strip().replace(',', '.'));
            if (d >= min && d <= max) return d;
        } catch (NumberFormatException e) {
            // below
        }
        throw new Bad(m.get("shell.bad.number", what, text, fmt(min), fmt(max)));
    }

    private static String fmt(double d) { return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d); }
}
