package concurrence.engine;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told: timing logic without sleeping. */
final class FakeClock implements Clock {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    void advance(long nanos) { now.addAndGet(nanos); }

    @Override public long nanoTime() { return now.get(); }

    @Override public CpuTimes cpu() { return CpuTimes.ZERO; }

    @Override public long residentBytes() { return 0; }
}
