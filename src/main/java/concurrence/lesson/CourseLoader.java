package concurrence.lesson;

import concurrence.i18n.Messages;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a course: the pages {@code <root>/<language>/NN-slug.md}, in order of their number,
 * parsed with commonmark-java and validated strictly (see {@code lessons/README.md}).
 *
 * <pre>{@code
 * Course course = CourseLoader.load(CourseLoader.defaultRoot(), "en");
 * course.lessons();    // every page; an English page that is missing is the French one
 * course.problems();   // lessons/en/05-threads-cpu.md:23: unknown strategy "thread" (known: ...)
 * }</pre>
 *
 * <p><b>What a problem costs.</b> A page with any problem is left out, and every problem it has
 * is listed in {@link Course#problems()}; the other pages load as if it were not there.
 *
 * <p><b>English falls back to French, page by page.</b> The English course holds, for each
 * number found in {@code fr/} or {@code en/}, the English page if it loads, else the French one
 * (its {@link Lesson#language()} then says {@code fr}). A broken English page is listed among the
 * problems and replaced by its French page, so that a student still has the page. Since the
 * English course is built from both folders, the problems of {@code fr/}'s file names are listed
 * too; a French page's own problems are listed only when the English course falls back on it.
 *
 * <p><b>Language of the messages.</b> {@link #load(Path, String)} writes the problems in the
 * course's language; {@link #load(Path, String, Messages)} in the language of the messages given
 * (what {@code concurrence lessons --check --lang en} does for the French course).
 *
 * <p>Paths in problems are {@code root.resolve(language).resolve(file name)}: relative when the
 * root is relative, as the user typed it.
 */
public final class CourseLoader {
    /** The system property naming the course folder; {@code scripts/concurrence} sets it. */
    public static final String ROOT_PROPERTY = "concurrence.lessons";
    public static final List<String> LANGUAGES = List.of(Messages.FRENCH, Messages.ENGLISH);

    /** {@code 05-threads-cpu.md}: two digits, a dash, lowercase words joined by dashes. */
    private static final Pattern FILE_NAME = Pattern.compile("([0-9]{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\\.md");

    /** The jar's own file system, opened once, left open for the life of the JVM. Guarded by CourseLoader.class. */
    private static FileSystem bundle;

    private CourseLoader() {}

    /** A page's file, found by its name: {@code 04-threads-io.md} is number 4, slug {@code threads-io}. */
    record PageFile(int number, String slug, Path path) {
        String fileName() { return path.getFileName().toString(); }
    }

    /** Every page of {@code language} under {@code root}, problems written in that language. */
    public static Course load(Path root, String language) { return load(root, language, Messages.of(language)); }

    /** Every page of {@code language} under {@code root}, problems written with {@code messages}. */
    public static Course load(Path root, String language, Messages messages) {
        List<Course.Problem> problems = new ArrayList<>();
        SortedMap<Integer, PageFile> french = scan(root.resolve(Messages.FRENCH), messages, problems);
        List<Lesson> lessons = new ArrayList<>();
        if (language.equals(Messages.FRENCH)) {
            for (PageFile f : french.values()) read(f, Messages.FRENCH, messages, problems).ifPresent(lessons::add);
            return new Course(language, lessons, problems);
        }
        Path own = root.resolve(language);
        SortedMap<Integer, PageFile> translated = Files.isDirectory(own) ? scan(own, messages, problems) : new TreeMap<>();
        SortedSet<Integer> numbers = new TreeSet<>(french.keySet());
        numbers.addAll(translated.keySet());
        for (int n : numbers) {
            Optional<Lesson> page = translated.containsKey(n)
                    ? read(translated.get(n), language, messages, problems) : Optional.empty();
            if (page.isEmpty() && french.containsKey(n)) page = read(french.get(n), Messages.FRENCH, messages, problems);
            page.ifPresent(lessons::add);
        }
        return new Course(language, lessons, problems);
    }

    /**
     * The course folder: the {@value #ROOT_PROPERTY} system property if set, else the copy of
     * {@code lessons/} bundled in the application's jar (so an installed jar needs no folder).
     */
    public static Path defaultRoot() {
        String property = System.getProperty(ROOT_PROPERTY);
        return property != null && !property.isBlank() ? Path.of(property) : bundledRoot();
    }

    /**
     * The copy of {@code lessons/} beside this class: in the jar (read through a zip file system)
     * or, when run from the build's classes folder, in that folder. A path that does not exist if
     * neither holds it, so that loading it says so.
     */
    static synchronized Path bundledRoot() {
        try {
            CodeSource source = CourseLoader.class.getProtectionDomain().getCodeSource();
            if (source == null) return Path.of("lessons");
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) return location.resolve("lessons");
            if (bundle == null) bundle = FileSystems.newFileSystem(location);
            return bundle.getPath("/lessons");
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Path.of("lessons");
        }
    }

    /**
     * Validates both languages and checks that they match: the same pages (numbers and slugs),
     * the same experiment blocks, the same references. Problems are written with {@code messages}.
     */
    public static CourseCheck check(Path root, Messages messages) {
        Course french = load(root, Messages.FRENCH, messages);
        Course english = load(root, Messages.ENGLISH, messages);
        List<Course.Problem> all = new ArrayList<>(french.problems());
        for (Course.Problem p : english.problems()) if (!all.contains(p)) all.add(p);
        List<Course.Problem> scratch = new ArrayList<>();
        SortedMap<Integer, PageFile> frFiles = scan(root.resolve(Messages.FRENCH), messages, scratch);
        Path en = root.resolve(Messages.ENGLISH);
        SortedMap<Integer, PageFile> enFiles = Files.isDirectory(en) ? scan(en, messages, scratch) : new TreeMap<>();
        all.addAll(CourseCheck.parity(root, frFiles, enFiles, french, english, messages));
        return new CourseCheck(french, english, all);
    }

    /**
     * The pages of one folder by number. Files not ending in {@code .md}, and hidden files, are
     * not pages; a {@code .md} file with another name, or a second page with a number already
     * taken, is a problem.
     */
    static SortedMap<Integer, PageFile> scan(Path dir, Messages messages, List<Course.Problem> problems) {
        SortedMap<Integer, PageFile> pages = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new Course.Problem(dir, 0, messages.get("lessons.error.no.folder")));
            return pages;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            problems.add(new Course.Problem(dir, 0, messages.get("lessons.error.read", e.toString())));
            return pages;
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            Matcher m = FILE_NAME.matcher(name);
            if (!m.matches()) {
                problems.add(new Course.Problem(dir.resolve(name), 0, messages.get("lessons.error.file.name", name)));
                continue;
            }
            int number = Integer.parseInt(m.group(1));
            PageFile first = pages.putIfAbsent(number, new PageFile(number, m.group(2), dir.resolve(name)));
            if (first != null)
                problems.add(new Course.Problem(dir.resolve(name), 0,
                        messages.get("lessons.error.duplicate.number", number, first.fileName())));
        }
        if (files.isEmpty()) problems.add(new Course.Problem(dir, 0, messages.get("lessons.error.no.pages")));
        return pages;
    }

    /** Reads and parses one page; its problems go to {@code problems}. */
    private static Optional<Lesson> read(PageFile page, String language, Messages messages, List<Course.Problem> problems) {
        Problems found = new Problems(page.path(), messages);
        Optional<Lesson> lesson = Optional.empty();
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(page.path()))).toString();
            lesson = PageParser.parse(page, language, text, found);
        } catch (CharacterCodingException e) {
            found.add(0, "lessons.error.utf8");
        } catch (IOException e) {
            found.add(0, "lessons.error.read", e.toString());
        }
        problems.addAll(found.list());
        return lesson;
    }

    /** For {@link CourseCheck}: the file a page of {@code language} would have. */
    static Path expected(Path root, String language, PageFile page) { return root.resolve(language).resolve(page.fileName()); }
}
