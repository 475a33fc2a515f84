package org.baomi.monitor.internal.detect;

import org.springframework.stereotype.Component;

/**
 * The settings the scoring runs with. Today the defaults of {@link DetectionSettings#defaults()}; the versioned,
 * audited settings table with its preview screen (issue 7 item 4) will replace this source.
 */
@Component
class DetectionSettingsSource {

    DetectionSettings current() {
        return DetectionSettings.defaults();
    }
}
