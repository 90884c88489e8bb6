package concurrence.engine.python;

/**
 * A Python could not be found, started, or run to the end: carries the {@link PythonFault} that
 * says why, for the user interface to put into words.
 *
 * <pre>{@code
 * try {
 *     runner.run(spec, board, cancel);
 * } catch (PythonException e) {
 *     err.println(messages.get(e.fault().key(), e.fault().args()));
 * }
 * }</pre>
 */
public final class PythonException extends IllegalStateException {
    private final transient PythonFault fault;

    public PythonException(PythonFault fault) {
        super(fault.toString());
        this.fault = fault;
    }

    public PythonFault fault() { return fault; }
}
