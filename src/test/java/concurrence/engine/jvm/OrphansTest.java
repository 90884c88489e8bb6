package concurrence.engine.jvm;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Aucun enfant ne survit à son parent")
class OrphansTest {

    @Test
    @Timeout(60)
    @DisplayName("le parent tué par kill -9, ses JVM filles disparaissent en moins de 2 s")
    void childrenDieWithTheirParent() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process parent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OrphanProbe.class.getName())
                .redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(parent.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("started")) { /* JVM chatter */ }
            assertEquals("started", line);
        }
        List<ProcessHandle> children = parent.descendants().toList();
        assertEquals(3, children.size(), "three child JVMs");
        // SIGKILL: no shutdown hook runs; only the closed pipes can tell the children.
        new ProcessBuilder("kill", "-9", Long.toString(parent.pid())).start().waitFor();
        parent.waitFor();
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(children.stream().noneMatch(ProcessHandle::isAlive), "children still alive: " + children);
    }
}
