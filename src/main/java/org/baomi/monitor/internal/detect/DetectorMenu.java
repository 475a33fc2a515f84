package org.baomi.monitor.internal.detect;

import java.util.List;

import org.baomi.monitor.DetectionThresholds;
import org.baomi.shared.MenuArea;
import org.baomi.shared.MenuContributor;
import org.baomi.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** The detectors' thresholds (issue 7 item 4), for whoever may tune them (the confidentiality office). */
@Component
class DetectorMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry(MenuArea.PRIVACY, "monitor.detectors.menu", "/privacy/monitoring/detectors",
                "sliders", DetectionThresholds.TUNE, 50));
    }
}
