package org.baomi.monitor.internal.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The columns of access events a scoring run reads (issue 7, full re-scoring): appended in any order they are put in
 * time order with ties by id, exactly as the database's {@code ORDER BY occurred_at, id} on whole seconds would.
 */
class AccessEventsTest {

    @Test
    void eventsAppendedInAnyOrderAreSortedBySecondThenIdWithEveryColumnKeptTogether() {
        SplittableRandom random = new SplittableRandom(7);
        List<long[]> rows = new ArrayList<>();
        AccessEvents events = new AccessEvents(16);
        for (int i = 0; i < 50_000; i++) {
            // few distinct seconds (many ties), ids with huge gaps, seconds before 1970 too (negative keys)
            long id = random.nextLong(1, Long.MAX_VALUE);
            long second = random.nextInt(4) == 0 ? -random.nextLong(1, 5_000) : random.nextLong(0, 5_000);
            long[] row = {id, id % 997, id % 991, second, random.nextInt(AccessKind.values().length)};
            rows.add(row);
            events.append(row[0], row[1], row[2], row[3], (int) row[4]);
        }
        assertThat(events.sorted()).isFalse();

        events.sortByTime();

        rows.sort(Comparator.<long[]>comparingLong(r -> r[3]).thenComparingLong(r -> r[0]));
        assertThat(events.sorted()).isTrue();
        assertThat(events.size()).isEqualTo(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            long[] r = rows.get(i);
            assertThat(new long[] {events.id(i), events.person(i), events.patient(i), events.second(i),
                    events.action(i)}).as("event %d", i).containsExactly(r);
        }
    }

    @Test
    void eventsThatArriveInOrderNeedNoSortAndOneOutOfOrderEventIsNotAcceptedByAdd() {
        AccessEvents events = new AccessEvents(4);
        events.append(1, 10, 20, 100, 0);
        events.append(2, 10, 20, 100, 0);
        events.add(3, 10, 20, 101, 0);
        assertThat(events.sorted()).isTrue();

        events.append(4, 10, 20, 50, 0);

        assertThat(events.sorted()).isFalse();
        assertThatThrownBy(() -> events.add(5, 10, 20, 200, 0)).isInstanceOf(IllegalArgumentException.class);
        events.sortByTime();
        assertThat(events.id(0)).isEqualTo(4);
        assertThat(events.second(3)).isEqualTo(101);
    }

    @Test
    void theEngineRefusesEventsThatWereNotSorted() {
        AccessEvents events = new AccessEvents(2);
        events.append(1, 10, 20, 100, 0);
        events.append(2, 10, 20, 50, 0);
        DetectionContext context = DetectionContext.builder(ZoneId.of("Asia/Shanghai")).build();

        assertThatThrownBy(() -> DetectionEngine.score(context, events, DetectionSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sorted");
    }
}
