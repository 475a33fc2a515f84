package org.baomi.iam.internal.account;

import java.util.LinkedHashMap;
import java.util.Map;

/** Audit details from key-value pairs; absent values are left out (the trail's details hold no nulls). */
final class AuditDetails {

    private AuditDetails() {
    }

    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put(keysAndValues[i].toString(), keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
