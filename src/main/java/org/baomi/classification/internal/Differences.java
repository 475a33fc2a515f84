package org.baomi.classification.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.baomi.classification.CatalogueChange;
import org.baomi.classification.CategorySummary;
import org.baomi.classification.LevelDefinition;

/** The structured difference of a catalogue version: the fields whose text changed, in a stable order. */
final class Differences {

    private Differences() {
    }

    /** Fields that differ between before and after; a field missing on one side counts as null there. */
    static List<CatalogueChange> between(Map<String, String> before, Map<String, String> after) {
        List<CatalogueChange> changes = new ArrayList<>();
        LinkedHashMap<String, String> fields = new LinkedHashMap<>(before);
        after.forEach(fields::putIfAbsent);
        for (String field : fields.keySet()) {
            String was = before.get(field);
            String is = after.get(field);
            if (!Objects.equals(was, is)) {
                changes.add(new CatalogueChange(field, was, is));
            }
        }
        return changes;
    }

    static Map<String, String> of(CategorySummary c) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("domainCode", c.domainCode());
        f.put("nameZh", c.name().zh());
        f.put("nameEn", c.name().en());
        f.put("descriptionZh", c.description().zh());
        f.put("descriptionEn", c.description().en());
        f.put("defaultLevel", c.defaultLevel().name());
        f.put("periodKind", c.defaultPeriod().kind().name());
        f.put("periodYears", c.defaultPeriod().years() == null ? null : c.defaultPeriod().years().toString());
        f.put("conditionZh", c.defaultPeriod().condition() == null ? null : c.defaultPeriod().condition().zh());
        f.put("conditionEn", c.defaultPeriod().condition() == null ? null : c.defaultPeriod().condition().en());
        f.put("protectionZh", c.protection().zh());
        f.put("protectionEn", c.protection().en());
        f.put("notSecret", Boolean.toString(c.notSecret()));
        f.put("active", Boolean.toString(c.active()));
        f.put("sortOrder", Integer.toString(c.sortOrder()));
        return f;
    }

    static Map<String, String> of(LevelDefinition l) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("harmZh", l.harm().zh());
        f.put("harmEn", l.harm().en());
        f.put("maxPeriodYears", l.maxPeriodYears() == null ? null : l.maxPeriodYears().toString());
        f.put("storageZh", l.protection().storage().zh());
        f.put("storageEn", l.protection().storage().en());
        f.put("transferZh", l.protection().transfer().zh());
        f.put("transferEn", l.protection().transfer().en());
        f.put("copyingZh", l.protection().copying().zh());
        f.put("copyingEn", l.protection().copying().en());
        f.put("destructionZh", l.protection().destruction().zh());
        f.put("destructionEn", l.protection().destruction().en());
        return f;
    }

    /** The changes as audit details: field → {before, after}. */
    static Map<String, Object> forAudit(List<CatalogueChange> changes) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (CatalogueChange change : changes) {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("before", change.before());
            pair.put("after", change.after());
            details.put(change.field(), pair);
        }
        return details;
    }
}
