package concurrence.engine.jvm;

import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.stream.DoubleStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CpuKernelTest {
    /** Trial rates in the order given, then the last one for ever; counts the trials asked for. */
    private static final class Trials implements DoubleSupplier {
        private final Iterator<Double> rates;
        private double last;
        final AtomicInteger asked = new AtomicInteger();

        Trials(double... rates) { this.rates = DoubleStream.of(rates).boxed().iterator(); }

        @Override public double getAsDouble() {
            asked.incrementAndGet();
            if (rates.hasNext()) last = rates.next();
            return last;
        }
    }

    @Test void aSteadyLoopSettlesAfterTwoRounds() {
        Trials trials = new Trials(1.04e9, 1.05e9, 1.03e9, 1.04e9, 1.06e9, 1.04e9);
        assertEquals(1.04e9, CpuKernel.settle(trials), 1e6);
        assertEquals(2 * CpuKernel.TRIALS, trials.asked.get());
    }

    @Test void aFirstRoundOnUnoptimisedCodeIsNotTheCalibration() {
        // The JIT's quick tier for a round, then the optimised code: calibrating on the first
        // round would make every later task 30 % short.
        Trials trials = new Trials(0.73e9, 0.72e9, 0.74e9, 0.73e9, 0.73e9, 1.04e9);
        assertEquals(1.04e9, CpuKernel.settle(trials), 1e6);
        assertEquals(3 * CpuKernel.TRIALS, trials.asked.get());
    }

    @Test void oneOutlierInARoundDoesNotMoveTheMedian() {
        Trials trials = new Trials(1.04e9, 1.04e9, 1.04e9, 1.04e9, 1.04e9, 1.04e9, 1.60e9, 1.04e9);
        assertEquals(1.04e9, CpuKernel.settle(trials), 1e6);
    }

    @Test void aRateThatKeepsRisingStopsAfterTheLastRound() {
        double[] rising = new double[CpuKernel.MAX_ROUNDS * CpuKernel.TRIALS];
        for (int i = 0; i < rising.length; i++) rising[i] = 1e9 * Math.pow(1.1, i / CpuKernel.TRIALS);
        Trials trials = new Trials(rising);
        assertEquals(rising[rising.length - 1], CpuKernel.settle(trials), 1e3);
        assertEquals(rising.length, trials.asked.get());
    }

    @Test void theLoopComputesTheSameInChunks() {
        long whole = CpuKernel.compute(0, 10_000, 0);
        long chunked = CpuKernel.chunk(5_000, 10_000, CpuKernel.chunk(0, 5_000, 0));
        assertEquals(whole, chunked);
    }
}
