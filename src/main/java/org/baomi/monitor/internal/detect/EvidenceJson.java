package org.baomi.monitor.internal.detect;

import java.util.List;

/** Evidence lines as the JSON of {@code mon_alert.evidence}: {@code [{"key": "...", "args": ["...", ...]}, ...]}. */
final class EvidenceJson {

    private EvidenceJson() {
    }

    static String of(List<EvidenceLine> lines) {
        StringBuilder json = new StringBuilder(64 * lines.size()).append('[');
        for (int i = 0; i < lines.size(); i++) {
            EvidenceLine line = lines.get(i);
            json.append(i == 0 ? "" : ",").append("{\"key\":");
            string(json, line.key());
            json.append(",\"args\":[");
            for (int a = 0; a < line.args().size(); a++) {
                if (a > 0) {
                    json.append(',');
                }
                string(json, line.args().get(a));
            }
            json.append("]}");
        }
        return json.append(']').toString();
    }

    private static void string(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
