package concurrence.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Screen snapshots: a virtual terminal's rows in double quotes, one a line, compared with
 * {@code src/test/resources/snapshots/NAME.txt}. A missing snapshot is written and the test fails
 * (look at it, then run again); {@code -Dsnapshots.update=true} rewrites them all
 * ({@code scripts/update-snapshots}).
 *
 * <pre>{@code
 * Snapshots.assertMatches("page04-80x24", Snapshots.rows(vt));
 * }</pre>
 */
final class Snapshots {
    private Snapshots() {}

    static final Path DIR = Path.of("src", "test", "resources", "snapshots");

    static List<String> rows(DefaultVirtualTerminal vt) {
        TerminalSize size = vt.getTerminalSize();
        List<String> rows = new ArrayList<>();
        for (int y = 0; y < size.getRows(); y++) {
            StringBuilder b = new StringBuilder();
            for (int x = 0; x < size.getColumns(); x++) b.append(vt.getCharacter(x, y).getCharacterString());
            rows.add(b.toString());
        }
        return rows;
    }

    static String quoted(List<String> rows) {
        StringBuilder b = new StringBuilder();
        for (String r : rows) b.append('"').append(r).append("\"\n");
        return b.toString();
    }

    static void assertMatches(String name, List<String> rows) {
        Path file = DIR.resolve(name + ".txt");
        String actual = quoted(rows);
        try {
            if (Boolean.getBoolean("snapshots.update")) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                fail("new snapshot written to " + file + ": look at it, then run the test again\n" + actual);
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "snapshot " + file
                    + " differs (if the change is wanted: scripts/update-snapshots)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
