package concurrence.engine.jvm;

import concurrence.engine.Cancellation;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.Recorder;
import concurrence.engine.TaskKind;

import java.time.Duration;

/**
 * Everything a strategy needs for one run on this JVM, and the task body itself.
 *
 * <pre>{@code
 * run.runTask(worker, task);   // on the worker's thread: io waits, cpu computes under the GIL
 * }</pre>
 *
 * @param iterationsPerTask the cpu loop's iterations for one task (scale x one second of one core)
 * @param chunkIterations   iterations between two progress updates, cancellation checks and GIL ticks
 */
public record JvmRun(ExperimentSpec spec, Recorder recorder, Gil gil, Cancellation cancel,
                     long iterationsPerTask, long chunkIterations) {

    /** Runs one task to its end on the calling thread; throws if the run is cancelled. */
    public void runTask(int worker, int task) throws InterruptedException {
        switch (spec.task()) {
            case IO -> {
                gil.acquire(worker);
                recorder.taskStarted(worker, task);
                gil.release(worker);              // time.sleep releases the GIL while it waits
                Thread.sleep(Duration.ofNanos(spec.taskNanos()));
                cancel.check();
                gil.acquire(worker);
                recorder.taskFinished(worker, task);
                gil.release(worker);
            }
            case CPU -> {
                gil.acquire(worker);
                try {
                    recorder.taskStarted(worker, task);
                    compute(worker, task);
                    recorder.taskFinished(worker, task);
                } finally {
                    gil.release(worker);
                }
            }
        }
    }

    /** The cpu loop in chunks: progress, cancellation and the GIL are looked at between chunks. */
    void compute(int worker, int task) throws InterruptedException {
        long acc = 0;
        long total = iterationsPerTask;
        for (long done = 0; done < total; ) {
            long end = Math.min(total, done + chunkIterations);
            acc = CpuKernel.chunk(done, end, acc);
            done = end;
            recorder.progress(task, done / (double) total);
            cancel.check();
            gil.tick(worker);
        }
        CpuKernel.sink = acc;
    }

    public boolean isIo() { return spec.task() == TaskKind.IO; }
}
