package concurrence.tui;

import java.util.Optional;

/** What {@link Update#update} returns: the next model and, maybe, a command to carry out. */
public record Step(Model model, Optional<Command> command) {
    public static Step of(Model model) { return new Step(model, Optional.empty()); }

    public static Step of(Model model, Command command) { return new Step(model, Optional.of(command)); }
}
