package org.baomi.monitor;

import java.util.Map;

/**
 * The effect of a threshold change on the last 30 days (issue 7 item 4): alerts per detector with the saved
 * thresholds and with the change, over the same events.
 */
public record DetectionPreview(Map<Detector, Integer> before, Map<Detector, Integer> after, long events) {

    public DetectionPreview {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }
}
