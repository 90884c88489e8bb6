package concurrence.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Colours Python and Java source a line at a time: keywords, strings, comments, numbers,
 * built-ins, decorators and annotations. It carries one bit of state from line to line (inside a
 * triple-quoted string or a block comment), which is all these short excerpts need.
 *
 * <pre>{@code
 * var h = new Highlighter(Highlighter.Language.PYTHON);
 * List<Segment> line = h.line("def f(a):  # comment");
 * }</pre>
 */
public final class Highlighter {
    public enum Language { PYTHON, JAVA, PLAIN }

    private static final Set<String> PYTHON_KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield", "match", "case");
    private static final Set<String> PYTHON_BUILTINS = Set.of("print", "range", "len", "list", "dict", "set", "tuple",
            "int", "float", "str", "sum", "map", "zip", "enumerate", "open", "super", "isinstance", "type", "min", "max",
            "sorted", "abs", "self", "object", "Exception");
    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "super", "switch",
            "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "var", "record",
            "sealed", "permits", "yield", "true", "false", "null");

    private static final Style KEYWORD = Style.of(Tone.KEYWORD).bold();
    private static final Style STRING = Style.of(Tone.STRING);
    private static final Style COMMENT = Style.of(Tone.COMMENT).italic();
    private static final Style NUMBER = Style.of(Tone.NUMBER);
    private static final Style BUILTIN = Style.of(Tone.BUILTIN);
    private static final Style PLAIN = Style.PLAIN;

    private final Language language;
    /** The delimiter that closes what the previous line left open ({@code """}, {@code '''}, {@code * /}), or null. */
    private String open;

    public Highlighter(Language language) { this.language = language; }

    public static Language languageOf(String fence) {
        return switch (fence.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "python", "py", "python3", "ipython" -> Language.PYTHON;
            case "java" -> Language.JAVA;
            default -> Language.PLAIN;
        };
    }

    /** The segments of one line of source, each with its style. */
    public List<Segment> line(String text) {
        List<Segment> out = new ArrayList<>();
        if (language == Language.PLAIN) {
            out.add(new Segment(text, PLAIN));
            return out;
        }
        int i = 0;
        int n = text.length();
        if (open != null) {
            int end = text.indexOf(open);
            Style s = open.equals("*/") ? COMMENT : STRING;
            if (end < 0) {
                out.add(new Segment(text, s));
                return out;
            }
            i = end + open.length();
            out.add(new Segment(text.substring(0, i), s));
            open = null;
        }
        StringBuilder plain = new StringBuilder();
        while (i < n) {
            char c = text.charAt(i);
            int next;
            Style style;
            if (language == Language.PYTHON && c == '#' || language == Language.JAVA && text.startsWith("//", i)) {
                next = n;
                style = COMMENT;
            } else if (language == Language.JAVA && text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    open = "*/";
                    next = n;
                } else next = end + 2;
                style = COMMENT;
            } else if (c == '"' || c == '\'') {
                String triple = String.valueOf(c).repeat(3);
                if (text.startsWith(triple, i) && (language == Language.PYTHON || c == '"')) {
                    int end = text.indexOf(triple, i + 3);
                    if (end < 0) {
                        open = triple;
                        next = n;
                    } else next = end + 3;
                } else next = stringEnd(text, i, c);
                style = STRING;
            } else if (Character.isDigit(c) && (i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1)))) {
                next = i;
                while (next < n && (Character.isLetterOrDigit(text.charAt(next)) || text.charAt(next) == '_'
                        || text.charAt(next) == '.')) next++;
                style = NUMBER;
            } else if ((c == '@' || language == Language.PYTHON && c == '%') && i + 1 < n
                    && Character.isJavaIdentifierStart(text.charAt(i + 1))) {
                next = identifierEnd(text, i + 1);
                style = BUILTIN;
            } else if (Character.isJavaIdentifierStart(c)) {
                next = identifierEnd(text, i);
                String word = text.substring(i, next);
                boolean prefix = language == Language.PYTHON && next < n && (text.charAt(next) == '"' || text.charAt(next) == '\'')
                        && word.length() <= 2 && word.chars().allMatch(ch -> "rRbBfFuU".indexOf(ch) >= 0);
                if (prefix) {
                    char q = text.charAt(next);
                    next = stringEnd(text, next, q);
                    style = STRING;
                } else style = styleOfWord(word);
            } else {
                plain.append(c);
                i++;
                continue;
            }
            if (!plain.isEmpty()) {
                out.add(new Segment(plain.toString(), PLAIN));
                plain.setLength(0);
            }
            out.add(new Segment(text.substring(i, next), style));
            i = next;
        }
        if (!plain.isEmpty()) out.add(new Segment(plain.toString(), PLAIN));
        return out;
    }

    private Style styleOfWord(String word) {
        if (language == Language.PYTHON) {
            if (PYTHON_KEYWORDS.contains(word)) return KEYWORD;
            if (PYTHON_BUILTINS.contains(word)) return BUILTIN;
            return PLAIN;
        }
        if (JAVA_KEYWORDS.contains(word)) return KEYWORD;
        if (Character.isUpperCase(word.charAt(0))) return BUILTIN;
        return PLAIN;
    }

    private static int identifierEnd(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) i++;
        return i;
    }

    /** Index after the string that opens at {@code from} with {@code quote}; the line's end if unclosed. */
    private static int stringEnd(String text, int from, char quote) {
        int i = from + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') i += 2;
            else if (c == quote) return i + 1;
            else i++;
        }
        return text.length();
    }
}
