package org.baomi.document;

import java.util.List;
import java.util.Locale;

import org.baomi.iam.CsvExport;

/**
 * The year-end return of classified documents (DOC-6). The confidentiality office opens a campaign for a year, which
 * lists — per person and department — everything out of its custodian's hands: documents held by readers of a
 * circulation, made copies not returned, documents carried out. Each custodian confirms the returns of what they keep;
 * the office follows progress per department. The people module blocks a departure while
 * {@link #outstandingItemsOf} is above zero.
 */
public interface DocumentYearEndReturn {

    /**
     * Opens the campaign of a year and lists what is out now. Permission {@link DocumentPermissions#REGISTER_MANAGE}.
     * Audit {@code document.year-end.opened} (with the number of items).
     *
     * @return the campaign's id
     * @throws org.baomi.shared.BaomiException INVALID (a year outside 2000..2100); CONFLICT (opened already)
     */
    long open(int year);

    /**
     * The campaign of a year, if opened. Permission {@link DocumentPermissions#REGISTER_MANAGE} (a refusal is audited
     * {@code access.denied}).
     */
    java.util.OptionalLong campaignOf(int year);

    /**
     * The items of a campaign, by department, holder and document. Permission
     * {@link DocumentPermissions#REGISTER_MANAGE}; audit {@code document.year-end.listed}.
     */
    List<ReturnItem> items(long campaignId);

    /** Items and returns per department. Permission {@link DocumentPermissions#REGISTER_MANAGE}; counts only. */
    List<ReturnProgress> progress(long campaignId);

    /**
     * The campaign's items as CSV. Permission {@link DocumentPermissions#REGISTER_MANAGE}; audit
     * {@code document.year-end.exported}.
     */
    CsvExport export(long campaignId, Locale locale);

    /**
     * The custodian confirms an item back: the copy or carried-out document is recorded returned, a circulation
     * reader released. Only the document's custodian. Audit {@code document.year-end.returned}; a refusal
     * {@code document.year-end.refused} (DENIED).
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND; FORBIDDEN; CONFLICT (confirmed already)
     */
    void confirmReturn(long itemId);

    /**
     * The unconfirmed items of every campaign that the current person must confirm as custodian, oldest campaign
     * first: the custodian's part of the year-end return, whether or not they keep the register. No permission beyond
     * being signed in (custodianship is the right); audit {@code document.year-end.listed} when anything is listed.
     */
    List<ReturnItem> toConfirm();

    /**
     * How many classified items the person holds now (circulated documents in hand, made copies not returned,
     * documents carried out), whether a campaign is open or not: the people issue blocks a departure while this is
     * above zero (DOC-6). A count for module code; no permission, not audited (the caller audits its decision).
     */
    int outstandingItemsOf(long personId);
}
