package concurrence.journal;

import concurrence.engine.RuntimeKind;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;
import concurrence.i18n.Messages;

import java.io.IOException;
import java.nio.file.Path;

/** A separate process appending to a journal as fast as it can, for {@link JournalTest}. */
final class JournalHammer {
    private JournalHammer() {}

    public static void main(String[] args) throws IOException {
        Journal j = Journal.open(Path.of(args[0]), Messages.of("en"));
        if (!j.available()) throw new IOException(j.problem().orElseThrow());
        for (int i = 0; i < Integer.parseInt(args[2]); i++) appendOne(Journal.open(Path.of(args[0]), Messages.of("en")), args[1], i);
    }

    static void appendOne(Journal j, String tag, int i) throws IOException {
        j.append(Samples.run(tag + "-" + i, new PageRef(i % 16, "p" + (i % 16)),
                Samples.measurement(StrategyKind.THREADS, TaskKind.IO, RuntimeKind.JVM, 1.0 + i / 1000.0)));
    }
}
