package concurrence.engine.python;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A Python could not be found, started, or run to the end: carries the {@link PythonFault} that
 * says why, for the user interface to put into words in the user's language.
 *
 * <pre>{@code
 * try {
 *     runner.run(spec, board, cancel);
 * } catch (PythonException e) {
 *     err.println(messages.get(e.fault().key(), e.fault().args()));
 * }
 * }</pre>
 *
 * <p>Its {@link #getMessage()} is the same text in French, the course's first language, for
 * whatever shows an exception's message as it is.
 */
public final class PythonException extends IllegalStateException {
    private final transient PythonFault fault;

    public PythonException(PythonFault fault) {
        super(french(fault));
        this.fault = fault;
    }

    public PythonFault fault() { return fault; }

    private static String french(PythonFault fault) {
        try {
            ResourceBundle b = ResourceBundle.getBundle("concurrence.i18n.python", Locale.FRENCH,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return String.format(Locale.FRENCH, b.getString(fault.key()), fault.args());
        } catch (MissingResourceException | java.util.IllegalFormatException e) {
            return fault.toString();
        }
    }
}
