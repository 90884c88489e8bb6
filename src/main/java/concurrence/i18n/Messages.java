package concurrence.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-facing text, French first, English second, from the bundles under
 * {@code concurrence/i18n/}: {@code messages} (command line, reports), {@code lessons},
 * {@code tui}, {@code shell}, {@code python}, {@code journal}; a key is looked up in each in turn.
 * Patterns use {@link String#format} placeholders, so French apostrophes need no escaping.
 *
 * <pre>{@code
 * Messages m = Messages.of("fr");
 * m.get("run.bad.tasks", "0");   // « --tasks : « 0 » n'est pas un nombre entre 1 et 100000 »
 * }</pre>
 */
public final class Messages {
    public static final String FRENCH = "fr";
    public static final String ENGLISH = "en";

    private static final List<String> BUNDLES = List.of("messages", "lessons", "tui", "shell", "python", "journal");

    private final List<ResourceBundle> bundles = new ArrayList<>();
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        for (String name : BUNDLES) {
            try {
                // No fallback to the JVM's default locale: French is the base bundle, English its variant.
                bundles.add(ResourceBundle.getBundle("concurrence.i18n." + name, locale,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
            } catch (MissingResourceException e) {
                // that part of the app has no messages (yet)
            }
        }
    }

    /** {@code "fr"} or {@code "en"}; anything else gets French. */
    public static Messages of(String language) {
        return new Messages(ENGLISH.equals(language) ? Locale.ENGLISH : Locale.FRENCH);
    }

    public String language() { return locale.getLanguage(); }

    public Locale locale() { return locale; }

    public String get(String key, Object... args) {
        for (ResourceBundle b : bundles)
            if (b.containsKey(key)) {
                String pattern = b.getString(key);
                return args.length == 0 ? pattern : String.format(locale, pattern, args);
            }
        return "«" + key + "»";
    }

    public boolean has(String key) { return bundles.stream().anyMatch(b -> b.containsKey(key)); }
}
