package org.baomi.monitor;

import java.util.List;
import java.util.Map;

/**
 * The case board (issue 7 item 7): one column per step, open steps with all their cases (most overdue first),
 * closed steps with the latest {@value #CLOSED_SHOWN}.
 */
public record PrivacyCaseBoard(Map<PrivacyCaseStep, List<PrivacyCaseSummary>> columns, int overdue) {

    public static final int CLOSED_SHOWN = 20;

    public PrivacyCaseBoard {
        columns = Map.copyOf(columns);
    }
}
