package concurrence.tui.lanterna;

import com.googlecode.lanterna.input.KeyStroke;
import concurrence.tui.Msg;

/**
 * Lanterna's key strokes as the app's {@link Msg.Key}s.
 *
 * <pre>{@code
 * Msg.Key k = Keys.of(screen.pollInput());   // Ctrl-C: Key[CHAR, 'c', ctrl]
 * }</pre>
 */
public final class Keys {
    private Keys() {}

    public static Msg.Key of(KeyStroke k) {
        Msg.Key.Kind kind = switch (k.getKeyType()) {
            case Character -> Msg.Key.Kind.CHAR;
            case Enter -> Msg.Key.Kind.ENTER;
            case Escape -> Msg.Key.Kind.ESCAPE;
            case Tab -> Msg.Key.Kind.TAB;
            case Backspace -> Msg.Key.Kind.BACKSPACE;
            case ArrowLeft -> Msg.Key.Kind.LEFT;
            case ArrowRight -> Msg.Key.Kind.RIGHT;
            case ArrowUp -> Msg.Key.Kind.UP;
            case ArrowDown -> Msg.Key.Kind.DOWN;
            case PageUp -> Msg.Key.Kind.PAGE_UP;
            case PageDown -> Msg.Key.Kind.PAGE_DOWN;
            case Home -> Msg.Key.Kind.HOME;
            case End -> Msg.Key.Kind.END;
            case F1 -> Msg.Key.Kind.F1;
            case EOF -> Msg.Key.Kind.EOF;
            default -> Msg.Key.Kind.OTHER;
        };
        char ch = kind == Msg.Key.Kind.CHAR && k.getCharacter() != null ? k.getCharacter() : '\0';
        // Ctrl-letter arrives as the letter with ctrl; a bare Ctrl-I/Ctrl-M are Tab and Enter already.
        return new Msg.Key(kind, ch, k.isCtrlDown(), k.isAltDown());
    }
}
