package org.baomi.monitor;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The trend charts (issue 7 item 7) over the last weeks: alerts per detector per week (by the alert's last access),
 * cases opened and closed per week, and the departments with the most cases.
 *
 * @param weeks            the Mondays of the weeks, oldest first
 * @param alertsByDetector per detector, one count per week
 * @param casesOpened      one count per week
 * @param casesClosed      one count per week
 * @param topDepartments   department name (or "?" when unknown) and its case count, most first
 */
public record AlertQueryTrends(List<LocalDate> weeks, Map<Detector, List<Long>> alertsByDetector,
        List<Long> casesOpened, List<Long> casesClosed, List<Map.Entry<String, Long>> topDepartments) {
}
