package org.baomi.audit.internal.chain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.baomi.audit.ChainBreakage;
import org.baomi.audit.ChainProblem;

/** The problems a verification collects; the first {@value #LIMIT} by sequence number are kept. */
final class Problems {

    static final int LIMIT = 50;

    private final List<ChainProblem> found = new ArrayList<>();

    synchronized void add(long seq, ChainBreakage breakage, String detail) {
        found.add(new ChainProblem(seq, breakage, detail));
        if (found.size() > LIMIT * 4) {
            trim();
        }
    }

    synchronized boolean isEmpty() {
        return found.isEmpty();
    }

    synchronized List<ChainProblem> sorted() {
        trim();
        return List.copyOf(found);
    }

    private void trim() {
        found.sort(Comparator.comparingLong(ChainProblem::sequence));
        if (found.size() > LIMIT) {
            found.subList(LIMIT, found.size()).clear();
        }
    }
}
