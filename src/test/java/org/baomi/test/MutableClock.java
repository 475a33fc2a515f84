package org.baomi.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock that tests move forward instead of sleeping. Shared by all tests of one context. */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    public MutableClock(Instant start, ZoneId zone) {
        this.now = start.truncatedTo(ChronoUnit.MICROS);
        this.zone = zone;
    }

    public static MutableClock startingNow() {
        return new MutableClock(Instant.now(), ZoneOffset.ofHours(8));
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /**
     * Puts the clock back to the real time (tests that moved it call this when they finish). Like the constructor it
     * keeps microseconds, the precision PostgreSQL stores: an instant read from this clock then compares equal to the
     * same instant written to and read back from a {@code timestamptz} column.
     */
    public void reset() {
        now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
