package org.baomi.audit.web;

import org.baomi.audit.AuditCursor;

/**
 * What a console page needs to build its links. The list, the person-, patient- and object-centred views share one
 * template; they differ in the address the filter form and the pager go to ({@code basePath}, which holds the
 * fixed person, patient or object) and in the heading.
 *
 * @param basePath  address of this view ("/audit/entries", "/audit/people/42")
 * @param pageForm  the filter as typed, without the view's fixed part (it is in the path)
 * @param fullForm  the whole filter, fixed part included, for the charts and the exports
 * @param scope     which view this is
 * @param scopeName what the heading names: a person's name, a patient id, an object
 */
record ConsoleView(String basePath, AuditFilterForm pageForm, AuditFilterForm fullForm, Scope scope,
        String scopeName) {

    /** The four views of the trail. */
    enum Scope {
        ALL("audit.entries.title", "audit.entries.lead"),
        PERSON("audit.person.title", "audit.person.lead"),
        PATIENT("audit.patient.title", "audit.patient.lead"),
        OBJECT("audit.object-view.title", "audit.object-view.lead");

        private final String titleKey;
        private final String leadKey;

        Scope(String titleKey, String leadKey) {
            this.titleKey = titleKey;
            this.leadKey = leadKey;
        }

        public String titleKey() {
            return titleKey;
        }

        public String leadKey() {
            return leadKey;
        }
    }

    static ConsoleView all(AuditFilterForm form) {
        return new ConsoleView("/audit/entries", form, form, Scope.ALL, null);
    }

    public boolean scoped() {
        return scope != Scope.ALL;
    }

    public String firstLink() {
        return pageForm.link(basePath);
    }

    public String olderLink(AuditCursor cursor) {
        return pageForm.link(basePath, "before", cursor.text());
    }

    public String newerLink(AuditCursor cursor) {
        return pageForm.link(basePath, "after", cursor.text());
    }

    public String exportLink(String extension) {
        return fullForm.link("/audit/entries/export." + extension);
    }

    /** The evidence package of this filter (issue 8 item 8); the filter must name a person, patient or object. */
    public String evidenceLink() {
        return fullForm.link("/audit/entries/evidence.zip");
    }

    public String chartLink() {
        return fullForm.link("/audit/entries/activity");
    }

    /** The list of all entries with this view's whole filter, for leaving a centred view. */
    public String allEntriesLink() {
        return fullForm.link("/audit/entries");
    }
}
