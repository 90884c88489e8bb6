package concurrence.lesson;

import concurrence.engine.ExperimentSpec;
import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the body of an {@code experiment} block, one {@code key: value} a line, strictly: every
 * key, every value, with the line of the file where each mistake is.
 *
 * <pre>{@code
 * // the fence opens on line 54 of the file; the body comes next
 * Optional<ExperimentDecl> d = ExperimentParser.parse(54, "task: io\ncompare: threads, sequential\n", problems);
 * }</pre>
 *
 * <p>It returns a declaration only when the block has no problem at all; otherwise every problem
 * found (not only the first) is in {@code problems}.
 */
final class ExperimentParser {
    /** At most this many experiment blocks on a page. */
    static final int MAX_BLOCKS = 3;
    static final List<RuntimeKind> DEFAULT_RUNTIMES = List.of(RuntimeKind.JVM_GIL, RuntimeKind.JVM);
    static final Set<ExperimentDecl.Panel> DEFAULT_SHOW = Set.of(ExperimentDecl.Panel.TIMELINE);
    static final int DEFAULT_TASKS = 5;
    static final int DEFAULT_WORKERS = 5;

    private static final String REFERENCE = "reference";
    /** The keys of a block, in the order lessons/README.md lists them. */
    private static final List<String> KEYS = List.of("kind", "task", "compare", "tasks", "workers", "runtimes", "repeat",
            "scale", "switch-interval-ms", "show");
    /** The keys that only a run may give (all but {@code kind}). */
    private static final List<String> RUN_KEYS = KEYS.subList(1, KEYS.size());
    private static final Pattern INTEGER = Pattern.compile("[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    /** A duration: {@code 6.01 s}, {@code 922 ms}, {@code 487 µs} (micro sign or Greek mu), {@code 487 us}, {@code 0 ns}. */
    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ns|µs|μs|us|ms|s)");
    private static final Pattern FIGURE = Pattern.compile("(\\S+)\\s+(.+)");
    /** {@code 1,11 s}: a decimal comma, which would otherwise split a figure in two. */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[0-9]+,[0-9]+(\\s*(ns|µs|μs|us|ms|s)\\b)?");
    private static final int MAX_RUNS = 1_000_000;

    private ExperimentParser() {}

    /** One {@code key: value} line, with its line in the file. */
    private record Entry(int line, String value) {}

    /**
     * @param fenceLine the line of the opening fence in the file (1-based); the body starts on the next
     * @param body      the block's text, without its fences
     */
    static Optional<ExperimentDecl> parse(int fenceLine, String body, Problems problems) {
        int before = problems.count();
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, Entry> references = new LinkedHashMap<>();   // strategy text as written -> entry
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = fenceLine + 1 + i;
            String text = lines[i].strip();
            if (text.isEmpty() || text.startsWith("#")) continue;
            int colon = text.indexOf(':');
            if (colon < 0) {
                problems.add(lineNo, "lessons.error.experiment.line", text);
                continue;
            }
            String key = text.substring(0, colon).strip();
            String value = text.substring(colon + 1).strip();
            String[] words = key.split("\\s+", 2);
            if (words.length == 2 && words[0].equals(REFERENCE)) {
                Entry first = references.putIfAbsent(words[1], new Entry(lineNo, value));
                if (first != null) problems.add(lineNo, "lessons.error.experiment.duplicate", key, first.line());
            } else if (KEYS.contains(key)) {
                Entry first = entries.putIfAbsent(key, new Entry(lineNo, value));
                if (first != null) problems.add(lineNo, "lessons.error.experiment.duplicate", key, first.line());
                else if (value.isEmpty()) problems.add(lineNo, "lessons.error.experiment.empty.value", key);
            } else {
                problems.add(lineNo, "lessons.error.experiment.unknown.key", key, String.join(", ", KEYS) + ", reference STRATEGY");
            }
        }

        ExperimentDecl.Kind kind = ExperimentDecl.Kind.RUN;
        Entry kindEntry = entries.get("kind");
        boolean kindKnown = true;
        if (kindEntry != null && !kindEntry.value().isEmpty()) {
            Optional<ExperimentDecl.Kind> k = parseEnum(ExperimentDecl.Kind.class, kindEntry.value());
            if (k.isPresent()) kind = k.get();
            else {
                kindKnown = false;
                problems.add(kindEntry.line(), "lessons.error.unknown.kind", kindEntry.value(), names(ExperimentDecl.Kind.class));
            }
        }

        TaskKind task = null;
        Entry e = valued(entries, "task");
        if (e != null) {
            task = TaskKind.parse(e.value()).orElse(null);
            if (task == null) problems.add(e.line(), "lessons.error.unknown.task", e.value());
        }
        int beforeCompare = problems.count();
        List<StrategyKind> compare = list(entries, "compare", StrategyKind::parse, "lessons.error.unknown.strategy",
                StrategyKind.names(), problems);
        // "not compared" is worth saying only of a compare line that is itself right
        boolean compareRight = entries.containsKey("compare") && problems.count() == beforeCompare;
        int tasks = integer(entries, "tasks", DEFAULT_TASKS, 1, ExperimentSpec.MAX_TASKS, problems);
        int workers = integer(entries, "workers", DEFAULT_WORKERS, 1, ExperimentSpec.MAX_WORKERS, problems);
        if (compare.contains(StrategyKind.PROCESSES) && workers > ExperimentSpec.MAX_PROCESS_WORKERS)
            problems.add(entries.get("workers").line(), "lessons.error.workers.processes", ExperimentSpec.MAX_PROCESS_WORKERS, workers);
        List<RuntimeKind> runtimes = list(entries, "runtimes", RuntimeKind::parse, "lessons.error.unknown.runtime",
                RuntimeKind.names(), problems);
        if (!entries.containsKey("runtimes")) runtimes = DEFAULT_RUNTIMES;
        int repeat = integer(entries, "repeat", 1, 1, ExperimentSpec.MAX_REPEAT, problems);
        double scale = decimal(entries, "scale", 1, ExperimentSpec.MIN_SCALE, ExperimentSpec.MAX_SCALE, problems);
        double switchMs = decimal(entries, "switch-interval-ms", millis(ExperimentSpec.DEFAULT_SWITCH_INTERVAL),
                millis(ExperimentSpec.MIN_SWITCH_INTERVAL), millis(ExperimentSpec.MAX_SWITCH_INTERVAL), problems);
        List<ExperimentDecl.Panel> shown = list(entries, "show", s -> parseEnum(ExperimentDecl.Panel.class, s),
                "lessons.error.unknown.panel", names(ExperimentDecl.Panel.class), problems);
        Set<ExperimentDecl.Panel> show = entries.containsKey("show") ? Set.copyOf(shown) : DEFAULT_SHOW;

        Map<StrategyKind, Reference> refs = new EnumMap<>(StrategyKind.class);
        Map<StrategyKind, Integer> referenceLines = new EnumMap<>(StrategyKind.class);
        for (Map.Entry<String, Entry> r : references.entrySet()) {
            Optional<StrategyKind> s = StrategyKind.parse(r.getKey());
            int line = r.getValue().line();
            if (s.isEmpty()) {
                problems.add(line, "lessons.error.unknown.strategy", r.getKey(), StrategyKind.names());
                continue;
            }
            Integer first = referenceLines.putIfAbsent(s.get(), line);
            if (first != null) {
                problems.add(line, "lessons.error.experiment.duplicate", REFERENCE + " " + s.get().id(), first);
                continue;
            }
            if (compareRight && !compare.contains(s.get()))
                problems.add(line, "lessons.error.reference.not.compared", s.get().id(), entries.get("compare").value());
            reference(r.getValue(), s.get(), problems).ifPresent(ref -> refs.put(s.get(), ref));
        }

        if (kindKnown) {
            if (kind == ExperimentDecl.Kind.RUN) {
                for (String required : List.of("task", "compare"))
                    if (!entries.containsKey(required)) problems.add(fenceLine, "lessons.error.experiment.missing", required);
            } else {
                String kindId = kind.name().toLowerCase(Locale.ROOT);
                for (String key : RUN_KEYS)
                    if (entries.containsKey(key)) problems.add(entries.get(key).line(), "lessons.error.experiment.run.only", key, kindId);
                for (Entry r : references.values())
                    problems.add(r.line(), "lessons.error.experiment.run.only", REFERENCE, kindId);
            }
        }
        if (problems.count() > before) return Optional.empty();
        Duration interval = Duration.ofNanos(Math.round(switchMs * 1e6));
        return Optional.of(new ExperimentDecl(fenceLine, kind, task, compare, tasks, workers,
                kind == ExperimentDecl.Kind.RUN ? runtimes : List.of(), repeat, scale, interval,
                kind == ExperimentDecl.Kind.RUN ? show : Set.of(), refs));
    }

    private static Entry valued(Map<String, Entry> entries, String key) {
        Entry e = entries.get(key);
        return e == null || e.value().isEmpty() ? null : e;
    }

    /** A comma-separated list of names, each known, none twice, none empty. */
    private static <T> List<T> list(Map<String, Entry> entries, String key, Function<String, Optional<T>> parse,
                                    String unknownKey, String known, Problems problems) {
        Entry e = valued(entries, key);
        if (e == null) return List.of();
        List<T> items = new ArrayList<>();
        for (String item : e.value().split(",", -1)) {
            String name = item.strip();
            if (name.isEmpty()) {
                problems.add(e.line(), "lessons.error.empty.item", key);
                continue;
            }
            Optional<T> t = parse.apply(name);
            if (t.isEmpty()) problems.add(e.line(), unknownKey, name, known);
            else if (items.contains(t.get())) problems.add(e.line(), "lessons.error.twice", name, key);
            else items.add(t.get());
        }
        return items;
    }

    private static int integer(Map<String, Entry> entries, String key, int fallback, int min, int max, Problems problems) {
        Entry e = valued(entries, key);
        if (e == null) return fallback;
        OptionalInt n = integerIn(e.value(), min, max);
        if (n.isPresent()) return n.getAsInt();
        problems.add(e.line(), "lessons.error.integer", key, e.value(), min, max);
        return fallback;
    }

    private static OptionalInt integerIn(String text, int min, int max) {
        if (!INTEGER.matcher(text).matches()) return OptionalInt.empty();
        BigInteger n = new BigInteger(text);
        return n.compareTo(BigInteger.valueOf(min)) >= 0 && n.compareTo(BigInteger.valueOf(max)) <= 0
                ? OptionalInt.of(n.intValueExact()) : OptionalInt.empty();
    }

    private static double decimal(Map<String, Entry> entries, String key, double fallback, double min, double max, Problems problems) {
        Entry e = valued(entries, key);
        if (e == null) return fallback;
        if (DECIMAL.matcher(e.value()).matches()) {
            double d = Double.parseDouble(e.value());
            if (d >= min && d <= max) return d;
        }
        problems.add(e.line(), "lessons.error.number", key, e.value(), plain(min), plain(max));
        return fallback;
    }

    /** {@code wall 6.01 s, user 5.05 s, sys 922 ms, cpu 5.97 s} or {@code mean 1.11 s, std 6.03 ms, runs 7}. */
    private static Optional<Reference> reference(Entry entry, StrategyKind strategy, Problems problems) {
        int before = problems.count();
        Map<String, Long> figures = new LinkedHashMap<>();
        if (entry.value().isEmpty()) {
            problems.add(entry.line(), "lessons.error.reference.empty", strategy.id());
            return Optional.empty();
        }
        Matcher comma = DECIMAL_COMMA.matcher(entry.value());
        if (comma.find()) {
            problems.add(entry.line(), "lessons.error.duration", comma.group());
            return Optional.empty();
        }
        for (String item : entry.value().split(",", -1)) {
            String text = item.strip();
            if (text.isEmpty()) {
                problems.add(entry.line(), "lessons.error.empty.item", REFERENCE + " " + strategy.id());
                continue;
            }
            Matcher m = FIGURE.matcher(text);
            if (!m.matches()) {
                problems.add(entry.line(), "lessons.error.reference.item", text);
                continue;
            }
            String name = m.group(1);
            String value = m.group(2).strip();
            if (!List.of("wall", "user", "sys", "cpu", "mean", "std", "runs").contains(name)) {
                problems.add(entry.line(), "lessons.error.reference.unknown.figure", name);
                continue;
            }
            if (figures.containsKey(name)) {
                problems.add(entry.line(), "lessons.error.reference.duplicate", name);
                continue;
            }
            if (name.equals("runs")) {
                OptionalInt runs = integerIn(value, 1, MAX_RUNS);
                if (runs.isPresent()) figures.put(name, (long) runs.getAsInt());
                else problems.add(entry.line(), "lessons.error.integer", "runs", value, 1, MAX_RUNS);
            } else {
                OptionalLong nanos = durationNanos(value);
                if (nanos.isPresent()) figures.put(name, nanos.getAsLong());
                else problems.add(entry.line(), "lessons.error.duration", value);
            }
        }
        if (problems.count() > before) return Optional.empty();
        return Optional.of(new Reference(figure(figures, "wall"), figure(figures, "user"), figure(figures, "sys"),
                figure(figures, "cpu"), figure(figures, "mean"), figure(figures, "std"),
                figures.containsKey("runs") ? OptionalInt.of(figures.get("runs").intValue()) : OptionalInt.empty()));
    }

    private static OptionalLong figure(Map<String, Long> figures, String name) {
        return figures.containsKey(name) ? OptionalLong.of(figures.get(name)) : OptionalLong.empty();
    }

    /** {@code 6.01 s} is 6,010,000,000 ns; empty if it is not a number, a decimal point and a unit. */
    static OptionalLong durationNanos(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) return OptionalLong.empty();
        long unit = switch (m.group(2)) {
            case "ns" -> 1L;
            case "µs", "μs", "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            default -> 1_000_000_000L;
        };
        try {
            return OptionalLong.of(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException tooLong) {
            return OptionalLong.empty();
        }
    }

    private static <E extends Enum<E>> Optional<E> parseEnum(Class<E> type, String text) {
        for (E e : type.getEnumConstants())
            if (e.name().toLowerCase(Locale.ROOT).equals(text.strip().toLowerCase(Locale.ROOT))) return Optional.of(e);
        return Optional.empty();
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    private static double millis(Duration d) { return d.toNanos() / 1e6; }

    /** {@code 0.01}, {@code 10}, {@code 1000}: as a lesson would write it. */
    private static String plain(double d) { return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString(); }
}
