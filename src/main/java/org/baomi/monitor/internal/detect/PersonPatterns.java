package org.baomi.monitor.internal.detect;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The persons' own patterns, learnt in the first pass over the events (issue 7 item 3): which hours of the day they
 * usually work in (the after-hours detector compares with the person, not with a fixed clock: a night-shift nurse's
 * 03:00 is usual) and how many distinct patients they open per day (the volume detector compares a day with the
 * person's usual day AND with the usual day of their peers in the same post).
 */
final class PersonPatterns {

    final int persons;
    final int days;
    private final int[] hours;
    private final int[] totals;
    private final int[] dayCounts;
    private final int[] currentDay;
    private final LongSet[] openSets;
    private boolean[] unusualHour;
    private double[] ownUsual;
    private double[] peerUsual;

    PersonPatterns(int persons, int days) {
        this.persons = persons;
        this.days = days;
        this.hours = new int[persons * 24];
        this.totals = new int[persons];
        this.dayCounts = new int[persons * days];
        this.currentDay = new int[persons];
        Arrays.fill(currentDay, -1);
        this.openSets = new LongSet[persons];
    }

    /** One access (events come in time order, so a person's day is complete when the next one starts). */
    void count(int person, int day, int hour, long patientId) {
        hours[person * 24 + hour]++;
        totals[person]++;
        LongSet open = openSets[person];
        if (open == null) {
            open = new LongSet();
            openSets[person] = open;
        }
        if (currentDay[person] != day) {
            open.clear();
            currentDay[person] = day;
        }
        if (open.add(patientId)) {
            dayCounts[person * days + day]++;
        }
    }

    /** Derives the usual hours and usual days once all events are counted. */
    void finish(DetectionSettings settings, List<String> postOf) {
        Arrays.fill(openSets, null);
        unusualHour = new boolean[persons * 24];
        for (int p = 0; p < persons; p++) {
            if (totals[p] < settings.afterHoursMinHistory()) {
                continue;
            }
            for (int h = 0; h < 24; h++) {
                int around = hours[p * 24 + (h + 23) % 24] + hours[p * 24 + h] + hours[p * 24 + (h + 1) % 24];
                unusualHour[p * 24 + h] = around <= settings.afterHoursMaxShare() * totals[p];
            }
        }
        ownUsual = new double[persons];
        Map<String, double[]> byPost = new HashMap<>();
        Map<String, Integer> filled = new HashMap<>();
        int[] active = new int[days];
        for (int p = 0; p < persons; p++) {
            int n = 0;
            for (int d = 0; d < days; d++) {
                int c = dayCounts[p * days + d];
                if (c > 0) {
                    active[n++] = c;
                }
            }
            if (n < settings.volumeMinHistoryDays()) {
                ownUsual[p] = Double.NaN;
                continue;
            }
            ownUsual[p] = median(active, n);
            String post = postOf.get(p);
            double[] medians = byPost.computeIfAbsent(post, k -> new double[persons]);
            int i = filled.merge(post, 1, Integer::sum) - 1;
            medians[i] = ownUsual[p];
        }
        Map<String, Double> peer = new HashMap<>();
        byPost.forEach((post, medians) -> {
            int n = filled.get(post);
            double[] m = Arrays.copyOf(medians, n);
            Arrays.sort(m);
            peer.put(post, n % 2 == 1 ? m[n / 2] : (m[n / 2 - 1] + m[n / 2]) / 2);
        });
        peerUsual = new double[persons];
        for (int p = 0; p < persons; p++) {
            Double v = peer.get(postOf.get(p));
            peerUsual[p] = v == null ? Double.NaN : v;
        }
    }

    private static double median(int[] values, int n) {
        int[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }

    boolean unusualHour(int person, int hour) {
        return unusualHour[person * 24 + hour];
    }

    /** Share (0..1) of the person's accesses in the hour and its neighbours. */
    double shareAround(int person, int hour) {
        int around = hours[person * 24 + (hour + 23) % 24] + hours[person * 24 + hour]
                + hours[person * 24 + (hour + 1) % 24];
        return totals[person] == 0 ? 0 : (double) around / totals[person];
    }

    int total(int person) {
        return totals[person];
    }

    int patientsOn(int person, int day) {
        return dayCounts[person * days + day];
    }

    double ownUsual(int person) {
        return ownUsual[person];
    }

    double peerUsual(int person) {
        return peerUsual[person];
    }

    /** Whether the day is a spike: far above the person's own usual day and their peers' usual day. */
    boolean spike(int person, int day, DetectionSettings s) {
        int c = dayCounts[person * days + day];
        double own = ownUsual[person];
        double peers = peerUsual[person];
        return c >= s.volumeMinCount() && !Double.isNaN(own) && !Double.isNaN(peers)
                && c >= s.volumeOwnFactor() * own && c >= s.volumePeerFactor() * peers;
    }
}
