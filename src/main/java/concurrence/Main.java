package concurrence;

import concurrence.cli.Cli;

/**
 * {@code concurrence}: a workshop on concurrent programming in Python, in the terminal.
 *
 * <pre>{@code
 * concurrence                                   the course, in French, on the first page
 * concurrence run --strategy sequential,threads --task io
 * }</pre>
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(new Cli(System.out, System.err, System.getenv()).run(args));
    }
}
