package org.baomi.iam.web;

import java.util.List;
import java.util.Locale;

import org.baomi.iam.AccessHolder;
import org.baomi.iam.AccessibleObject;
import org.baomi.shared.CsvWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The reverse queries' answers as CSV files with headers and reasons in the reader's language. */
@Component
class AccessCsv {

    private final MessageSource messages;

    AccessCsv(MessageSource messages) {
        this.messages = messages;
    }

    byte[] holders(List<AccessHolder> holders, Locale locale) {
        CsvWriter csv = new CsvWriter().line(text("access-web.field.staff-no", locale),
                text("access-web.field.full-name", locale), text("access-web.field.basis", locale),
                text("access-web.field.grant", locale));
        for (AccessHolder h : holders) {
            csv.line(h.person().staffNo(), h.person().fullName(), text(h.basis().messageKey(), locale),
                    h.grantId() == null ? "" : h.grantId().toString());
        }
        return csv.toBytes();
    }

    byte[] objects(List<AccessibleObject> objects, Locale locale) {
        CsvWriter csv = new CsvWriter().line(text("access-web.field.type", locale), text("access-web.field.id", locale),
                text("access-web.field.level", locale), text("access-web.field.basis", locale),
                text("access-web.field.grant", locale));
        for (AccessibleObject o : objects) {
            csv.line(o.ref().type(), o.ref().id(), text(o.level().messageKey(), locale),
                    text(o.basis().messageKey(), locale), o.grantId() == null ? "" : o.grantId().toString());
        }
        return csv.toBytes();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
