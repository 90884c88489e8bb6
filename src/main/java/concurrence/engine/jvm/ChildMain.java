package concurrence.engine.jvm;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A worker of the process pool: a child JVM that runs the tasks its parent sends on its standard
 * input, one at a time, and reports on its standard output.
 *
 * <pre>
 * parent -> child   io TASK NANOS  |  cpu TASK ITERATIONS CHUNK
 * child -> parent   ready  |  start TASK  |  progress TASK MILLIONTHS  |  end TASK
 * </pre>
 *
 * <p><b>Why it never outlives its parent.</b> A daemon thread reads the commands. When the
 * standard input ends, which happens when the parent closes it at the end of a run and also when
 * the parent dies in any way (kill -9 included, since the kernel closes its end of the pipe),
 * that thread halts the JVM at once, whatever the task in progress. A write to a closed standard
 * output ends it too.
 *
 * <p><b>Why it does so little.</b> Its start-up and its exit are part of the measured time, as a
 * Python worker's are, so it loads as few classes as it can: the parent knows its pid and reads
 * its peak memory from {@code /proc}, and the child never has to tell either.
 */
public final class ChildMain {
    /**
     * Twenty reports a second: enough for bars drawn at 12 frames a second, and each report wakes
     * the parent, a context switch on cores the children keep busy.
     */
    private static final long PROGRESS_EVERY_NANOS = 50_000_000L;
    /** Argument: when stdin ends, exit normally (so that {@code -XX:ArchiveClassesAtExit} writes its archive). */
    static final String EXIT_NORMALLY = "--exit-normally";

    /** Put in the queue when stdin ends. */
    private static final String END = new String("end of input");

    private ChildMain() {}

    public static void main(String[] args) throws Exception {
        var out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.US_ASCII), 1 << 12);
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        var commands = new java.util.concurrent.LinkedBlockingQueue<String>();
        boolean normalExit = args.length > 0 && args[0].equals(EXIT_NORMALLY);
        Thread reader = new Thread(() -> {
            try {
                for (String line; (line = in.readLine()) != null; ) commands.add(line);
            } catch (IOException e) {
                // the parent is gone
            }
            if (normalExit) commands.add(END);
            else Runtime.getRuntime().halt(0);
        }, "stdin");
        reader.setDaemon(true);
        reader.start();
        send(out, "ready");
        while (true) {
            String line = commands.take();
            if (line == END) return;   // only when exiting normally; otherwise the reader halts the JVM
            String[] cmd = line.split(" ");
            int task = Integer.parseInt(cmd[1]);
            send(out, "start " + task);
            switch (cmd[0]) {
                case "io" -> Thread.sleep(Duration.ofNanos(Long.parseLong(cmd[2])));
                case "cpu" -> compute(out, task, Long.parseLong(cmd[2]), Long.parseLong(cmd[3]));
                default -> throw new IllegalArgumentException("unknown command: " + String.join(" ", cmd));
            }
            send(out, "end " + task);
        }
    }

    private static void compute(BufferedWriter out, int task, long total, long chunk) {
        long acc = 0;
        long lastReport = System.nanoTime();
        for (long done = 0; done < total; ) {
            long end = Math.min(total, done + chunk);
            acc = CpuKernel.chunk(done, end, acc);
            done = end;
            long now = System.nanoTime();
            if (now - lastReport >= PROGRESS_EVERY_NANOS) {
                lastReport = now;
                send(out, "progress " + task + " " + (done * 1_000_000 / total));
            }
        }
        CpuKernel.sink = acc;
    }

    private static void send(BufferedWriter out, String line) {
        synchronized (out) {
            try {
                out.write(line);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                Runtime.getRuntime().halt(0);   // nobody listens any more
            }
        }
    }
}
