package org.baomi.privacy.internal.research;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * k-anonymity by suppression (issue 6 item 3): a row is kept only when at least k rows of the export share its
 * quasi-identifiers, so that no one in the file can be narrowed below k by what an outsider may know about them
 * (sex, age band, city, month of the visit).
 */
final class KAnonymity {

    private KAnonymity() {
    }

    static List<ResearchExportService.Generalised> suppress(List<ResearchExportService.Generalised> rows, int k) {
        Map<List<String>, Integer> sizes = new HashMap<>();
        for (ResearchExportService.Generalised g : rows) {
            sizes.merge(g.quasiIdentifiers(), 1, Integer::sum);
        }
        List<ResearchExportService.Generalised> kept = new ArrayList<>();
        for (ResearchExportService.Generalised g : rows) {
            if (sizes.get(g.quasiIdentifiers()) >= k) {
                kept.add(g);
            }
        }
        return kept;
    }
}
