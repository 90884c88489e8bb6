package concurrence.tui;

import java.util.function.Function;

/**
 * The last value computed, kept for as long as it is asked for with an equal key: the parts of a
 * screen that do not change while bars move (header, footer) are built once, not twelve times a
 * second. Keeps the view a pure function: same key, same value.
 *
 * <pre>{@code
 * private static final Memo<FooterKey, Line> FOOTER = new Memo<>();
 * Line keys = FOOTER.get(new FooterKey(language, width), k -> build(k));
 * }</pre>
 *
 * <p>Its key and value are guarded by its monitor.
 */
final class Memo<K, V> {
    private K key;
    private V value;

    synchronized V get(K k, Function<K, V> compute) {
        if (!k.equals(key)) {
            value = compute.apply(k);
            key = k;
        }
        return value;
    }
}
