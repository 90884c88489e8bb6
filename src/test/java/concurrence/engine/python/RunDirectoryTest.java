package concurrence.engine.python;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Le répertoire privé du pont")
@Timeout(30)
class RunDirectoryTest {
    @TempDir Path base;

    @Test
    @DisplayName("n'est lisible que par son propriétaire, a un nom imprévisible, et disparaît avec tout ce qu'il contient")
    void privateAndGone() throws IOException {
        Path first;
        try (RunDirectory a = RunDirectory.create(Optional.of(base), Map.of());
             RunDirectory b = RunDirectory.create(Optional.of(base), Map.of())) {
            first = a.path();
            assertNotEquals(a.path(), b.path());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(a.path())));
            assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(a.script())));
            assertTrue(Files.readString(a.script()).contains("def doing_several_things_with_threads"));
            Files.createDirectories(a.path().resolve("pymp-abc"));
            Files.writeString(a.path().resolve("pymp-abc").resolve("listener"), "x");
        }
        assertFalse(Files.exists(first));
        try (var left = Files.list(base)) {
            assertEquals(0, left.count(), "nothing left behind");
        }
    }

    @Test
    @DisplayName("va sous XDG_RUNTIME_DIR quand il existe")
    void underRuntimeDir() {
        try (RunDirectory d = RunDirectory.create(Optional.empty(), Map.of("XDG_RUNTIME_DIR", base.toString()))) {
            assertEquals(base, d.path().getParent());
        }
    }
}
