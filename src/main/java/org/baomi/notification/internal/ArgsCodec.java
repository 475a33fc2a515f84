package org.baomi.notification.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baomi.notification.NotificationArg;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Notification arguments as stored in {@code ntf_notification.args}: {@code [{"n":7},{"t":"..."},{"k":"..","f":".."}]}. */
@Component
class ArgsCodec {

    private final JsonMapper json;

    ArgsCodec(JsonMapper json) {
        this.json = json;
    }

    String encode(List<NotificationArg> args) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NotificationArg arg : args) {
            Map<String, Object> one = new LinkedHashMap<>();
            if (arg instanceof NotificationArg.Number n) {
                one.put("n", n.value());
            } else if (arg instanceof NotificationArg.Time t) {
                one.put("t", t.value().toString());
            } else if (arg instanceof NotificationArg.Key k) {
                one.put("k", k.key());
                one.put("f", k.fallback());
            }
            out.add(one);
        }
        return json.writeValueAsString(out);
    }

    List<NotificationArg> decode(String text) {
        List<NotificationArg> args = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return args;
        }
        for (Object item : json.readValue(text, List.class)) {
            Map<?, ?> one = (Map<?, ?>) item;
            if (one.get("n") instanceof Number n) {
                args.add(new NotificationArg.Number(n.longValue()));
            } else if (one.get("t") instanceof String t) {
                args.add(new NotificationArg.Time(Instant.parse(t)));
            } else if (one.get("k") instanceof String k) {
                args.add(new NotificationArg.Key(k, String.valueOf(one.get("f"))));
            }
        }
        return args;
    }
}
