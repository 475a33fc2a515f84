package org.baomi.audit.internal;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON text of an entry's details. Details made only of text, whole numbers, booleans and lists of text (nearly
 * every record: a decision's person, action, trail and policy version; a batch's lines) are written with Jackson's
 * streaming generator; anything else goes through data binding as before. Same text either way (the generator is
 * the one data binding writes with); measured on the decision API (issue 3), data binding a decision's small map
 * was about 6% of a single decision's CPU, mostly finding serializers.
 */
final class DetailsJson {

    private DetailsJson() {
    }

    static String write(JsonMapper json, Map<String, ?> details) {
        if (!simple(details)) {
            return json.writeValueAsString(details);
        }
        StringWriter out = new StringWriter(64 + 32 * details.size());
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            for (Map.Entry<String, ?> entry : details.entrySet()) {
                generator.writeName(entry.getKey());
                Object value = entry.getValue();
                if (value instanceof String text) {
                    generator.writeString(text);
                } else if (value instanceof Boolean flag) {
                    generator.writeBoolean(flag);
                } else if (value instanceof List<?> list) {
                    generator.writeStartArray();
                    for (Object item : list) {
                        generator.writeString((String) item);
                    }
                    generator.writeEndArray();
                } else {
                    generator.writeNumber(((Number) value).longValue());
                }
            }
            generator.writeEndObject();
        }
        return out.toString();
    }

    private static boolean simple(Map<String, ?> details) {
        if (details == null) {
            return false;
        }
        for (Map.Entry<String, ?> entry : details.entrySet()) {
            Object value = entry.getValue();
            if (entry.getKey() == null || !(value instanceof String || value instanceof Boolean
                    || value instanceof Long || value instanceof Integer || value instanceof Short
                    || value instanceof List<?> list && texts(list))) {
                return false;
            }
        }
        return true;
    }

    private static boolean texts(List<?> list) {
        for (Object item : list) {
            if (!(item instanceof String)) {
                return false;
            }
        }
        return true;
    }
}
