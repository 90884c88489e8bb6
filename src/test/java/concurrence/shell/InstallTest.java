package concurrence.shell;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/install and scripts/uninstall into a temporary prefix. The suite runs before Maven
 * packages the real jar, so the test installs a thin one: a manifest pointing at this build's
 * classes and libraries ({@code --jar}); everything else is what a lab machine gets.
 */
@DisplayName("L'installation sur une machine de salle")
class InstallTest {
    @TempDir Path tmp;

    record Outcome(int code, String out) {}

    private static Outcome sh(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished: " + cmd);
        return new Outcome(p.exitValue(), out);
    }

    /** A jar whose manifest names concurrence.Main and this build's class path. */
    private Path thinJar() throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.put(Attributes.Name.MAIN_CLASS, "concurrence.Main");
        a.put(new Attributes.Name("Enable-Native-Access"), "ALL-UNNAMED");
        a.put(Attributes.Name.CLASS_PATH, Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toUri().toString()).collect(Collectors.joining(" ")));
        Path jar = tmp.resolve("thin.jar");
        try (OutputStream out = Files.newOutputStream(jar)) {
            new JarOutputStream(out, manifest).close();   // the manifest is all it needs
        }
        return jar;
    }

    private static List<String> files(Path root) throws IOException {
        if (!Files.exists(root)) return List.of();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    @Timeout(120)
    @DisplayName("installe le jar, les leçons et la commande ; la commande démarre ; la désinstallation retire exactement cela")
    void installThenUninstall() throws Exception {
        Path prefix = tmp.resolve("opt/concurrence");
        Path scripts = Path.of("scripts").toAbsolutePath();
        Outcome install = sh(List.of("bash", scripts.resolve("install").toString(), "--prefix", prefix.toString(), "--no-link",
                "--jar", thinJar().toString()));
        assertEquals(0, install.code(), install.out());
        assertTrue(install.out().contains("installed in " + prefix), install.out());

        Path command = prefix.resolve("bin/concurrence");
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(command)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(prefix.resolve("lib/concurrence/concurrence.jar"))));
        assertTrue(Files.isRegularFile(prefix.resolve("share/concurrence/lessons/fr/04-threads-io.md")));
        assertTrue(Files.isRegularFile(prefix.resolve("share/concurrence/lessons/en/04-threads-io.md")));

        Outcome version = sh(List.of(command.toString(), "--version"));
        assertEquals(0, version.code(), version.out());
        assertTrue(version.out().startsWith("concurrence "), version.out());
        Outcome check = sh(List.of(command.toString(), "lessons", "--check"));
        assertEquals(0, check.code(), check.out());
        Outcome lessons = sh(List.of(command.toString(), "lessons"));
        assertTrue(lessons.out().contains(prefix.resolve("share/concurrence/lessons").toString()), "reads the installed lessons: " + lessons.out());

        Outcome again = sh(List.of("bash", scripts.resolve("install").toString(), "--prefix", prefix.toString(), "--no-link",
                "--jar", thinJar().toString()));
        assertEquals(0, again.code(), again.out());
        assertTrue(again.out().contains("replacing the earlier install"), again.out());

        Files.writeString(prefix.resolve("notes-du-formateur.txt"), "à garder");
        Outcome uninstall = sh(List.of("bash", scripts.resolve("uninstall").toString(), "--prefix", prefix.toString()));
        assertEquals(0, uninstall.code(), uninstall.out());
        assertEquals(List.of("", "notes-du-formateur.txt"), files(prefix), "only what the install did not put there is left");
        Files.delete(prefix.resolve("notes-du-formateur.txt"));
        Outcome twice = sh(List.of("bash", scripts.resolve("uninstall").toString(), "--prefix", prefix.toString()));
        assertEquals(1, twice.code(), "nothing left to remove: " + twice.out());
    }

    @Test
    @Timeout(120)
    @DisplayName("la commande est liée depuis le dossier du PATH, jamais par-dessus un fichier qui n'est pas à elle")
    void linksWithoutClobbering() throws Exception {
        Path prefix = tmp.resolve("opt/concurrence");
        Path bin = Files.createDirectories(tmp.resolve("usr-local-bin"));
        Path scripts = Path.of("scripts").toAbsolutePath();
        Outcome install = sh(List.of("bash", scripts.resolve("install").toString(), "--prefix", prefix.toString(),
                "--link-dir", bin.toString(), "--jar", thinJar().toString()));
        assertEquals(0, install.code(), install.out());
        assertEquals(prefix.resolve("bin/concurrence"), Files.readSymbolicLink(bin.resolve("concurrence")));
        Outcome viaLink = sh(List.of(bin.resolve("concurrence").toString(), "--version"));
        assertEquals(0, viaLink.code(), viaLink.out());
        assertEquals(0, sh(List.of("bash", scripts.resolve("uninstall").toString(), "--prefix", prefix.toString())).code());
        assertFalse(Files.exists(bin.resolve("concurrence"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isDirectory(bin), "a folder that was there stays");

        Files.writeString(bin.resolve("concurrence"), "#!/bin/sh\necho someone else's\n");
        Outcome clash = sh(List.of("bash", scripts.resolve("install").toString(), "--prefix", prefix.toString(),
                "--link-dir", bin.toString(), "--jar", thinJar().toString()));
        assertEquals(0, clash.code(), clash.out());
        assertTrue(clash.out().contains("is not ours: left alone"), clash.out());
        assertEquals("#!/bin/sh\necho someone else's\n", Files.readString(bin.resolve("concurrence")));
        assertEquals(0, sh(List.of("bash", scripts.resolve("uninstall").toString(), "--prefix", prefix.toString())).code());
        assertTrue(Files.exists(bin.resolve("concurrence")));
        assertFalse(Files.exists(tmp.resolve("opt")), "the folders the install made are gone, the prefix's parent too");
    }
}
