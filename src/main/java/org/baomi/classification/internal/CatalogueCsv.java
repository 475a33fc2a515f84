package org.baomi.classification.internal;

import java.util.List;
import java.util.Locale;

import org.baomi.classification.CategorySummary;
import org.baomi.classification.ConfidentialityPeriod;
import org.baomi.classification.LevelDefinition;
import org.baomi.classification.PeriodKind;
import org.baomi.shared.CsvWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The catalogue as CSV for a spreadsheet: levels first, then every category, in the reader's language. */
@Component
class CatalogueCsv {

    private final MessageSource messages;

    CatalogueCsv(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(List<CategorySummary> categories, List<LevelDefinition> levels, Locale locale) {
        CsvWriter csv = new CsvWriter();
        csv.line(text("classification.csv.level", locale), text("classification.csv.harm", locale),
                text("classification.csv.max-period", locale));
        for (LevelDefinition level : levels) {
            csv.line(text(level.level().messageKey(), locale), level.harm().in(locale),
                    level.maxPeriodYears() == null ? "" : level.maxPeriodYears().toString());
        }
        csv.line();
        csv.line(text("classification.csv.domain", locale), text("classification.csv.code", locale),
                text("classification.csv.name", locale), text("classification.csv.description", locale),
                text("classification.csv.default-level", locale), text("classification.csv.period", locale),
                text("classification.csv.protection", locale), text("classification.csv.not-secret", locale),
                text("classification.csv.active", locale));
        for (CategorySummary c : categories) {
            csv.line(c.domainName().in(locale), c.code(), c.name().in(locale), c.description().in(locale),
                    text(c.defaultLevel().messageKey(), locale), period(c.defaultPeriod(), locale),
                    c.protection().in(locale), text(yesNo(c.notSecret()), locale), text(yesNo(c.active()), locale));
        }
        return csv.toBytes();
    }

    private String period(ConfidentialityPeriod period, Locale locale) {
        if (period.kind() == PeriodKind.YEARS) {
            return messages.getMessage("classification.period.years", new Object[] {period.years()}, locale);
        }
        if (period.kind() == PeriodKind.CONDITION) {
            return period.condition().in(locale);
        }
        return text(period.kind().messageKey(), locale);
    }

    private static String yesNo(boolean value) {
        return value ? "classification.csv.yes" : "classification.csv.no";
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
