package concurrence.engine.jvm;

import concurrence.engine.Cancellation;
import concurrence.engine.Event;
import concurrence.engine.ExperimentSpec;
import concurrence.engine.StrategyKind;
import concurrence.engine.TaskKind;

/** A parent for the orphan test: starts a pool of 3 child JVMs on long io tasks and says "started". */
public final class OrphanProbe {
    private OrphanProbe() {}

    public static void main(String[] args) throws Exception {
        var spec = ExperimentSpec.notebook(StrategyKind.PROCESSES, TaskKind.IO).withTasks(3).withWorkers(3).withScale(10);
        int[] started = {0};
        new JvmRunner().run(spec, e -> {
            if (e instanceof Event.TaskStarted) {
                synchronized (started) {
                    if (++started[0] == 3) {
                        System.out.println("started");
                        System.out.flush();
                    }
                }
            }
        }, new Cancellation());
    }
}
