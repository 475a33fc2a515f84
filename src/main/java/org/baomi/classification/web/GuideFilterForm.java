package org.baomi.classification.web;

import java.util.ArrayList;
import java.util.List;

import org.baomi.classification.CategoryFilter;
import org.baomi.shared.SecretLevel;

/** The guide's category filter as typed: text, domain, level, whether to show deactivated categories. */
public class GuideFilterForm {

    static final int QUERY_MAX = 100;

    private String q;
    private String domain;
    private String level;
    private boolean inactive;

    /** The filter, or the message keys of what cannot be used. */
    record Parsed(CategoryFilter filter, List<String> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    Parsed parse(boolean mayShowInactive) {
        List<String> errors = new ArrayList<>();
        String query = q == null ? null : q.strip();
        if (query != null && query.length() > QUERY_MAX) {
            errors.add("classification.filter.error.query-too-long");
        }
        if (query != null && query.codePoints().anyMatch(Character::isISOControl)) {
            errors.add("classification.filter.error.query-unprintable");
        }
        SecretLevel parsedLevel = FormValues.level(level);
        if (level != null && !level.isBlank() && parsedLevel == null) {
            errors.add("classification.filter.error.level");
        }
        String domainCode = domain == null || domain.isBlank() ? null : domain.strip();
        if (domainCode != null && (domainCode.length() > 20 || !domainCode.matches("[A-Z0-9-]+"))) {
            errors.add("classification.filter.error.domain");
        }
        return new Parsed(new CategoryFilter(query, domainCode, parsedLevel, inactive && mayShowInactive), errors);
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public String getDomain() { return domain; }
    public void setDomain(String domain) { this.domain = domain; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public boolean isInactive() { return inactive; }
    public void setInactive(boolean inactive) { this.inactive = inactive; }
}
