package org.baomi.document;

import java.util.List;
import java.util.Locale;

import org.baomi.iam.CsvExport;
import org.baomi.iam.ResultPage;

/**
 * The register of classified documents (涉密文件台账; DOC-1, DOC-2, CLS-2..4).
 *
 * <p>Every document is registered with the access decision point as a protected object of type
 * {@code document} with its level, department and custodian; showing it asks {@code AccessPolicy.require(READ)}
 * first, so a 机密 document is refused to a person cleared for 秘密 whatever link they follow (CLS-1). The
 * register's list shows metadata (title, numbers, marks) to the people who keep it ({@link DocumentPermissions#REGISTER_MANAGE}),
 * and only of documents at or below their own clearance.
 */
public interface DocumentRegister {

    /**
     * Registers a received or dispatched document (DOC-2) under the next serial number of its direction and year.
     * Level and period default from the category (CLS-2, CLS-4); a level of 秘密 or above is accepted only from a
     * person allowed to classify content of that category at that level (CLS-3). The custodian must be active and
     * cleared for the level. Permission {@link DocumentPermissions#REGISTER_MANAGE} and the access policy's CREATE
     * for the level written. Audit {@code document.registered} (level, serial, category, custodian).
     *
     * @return the new document's id
     * @throws org.baomi.iam.InvalidInputException field by field (translated keys {@code document.error.*})
     * @throws org.baomi.shared.BaomiException     FORBIDDEN (audited)
     */
    long register(DocumentDraft draft);

    /**
     * The document's page with its whole history and its circulations. Access policy READ (audited as
     * {@code access.decision}); audit {@code document.viewed}.
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND, FORBIDDEN (audited)
     */
    DocumentDetail show(long documentId);

    /**
     * One page of the register, newest first, only documents at or below the reader's clearance. Permission
     * {@link DocumentPermissions#REGISTER_MANAGE}; audit {@code document.register.searched}.
     *
     * @throws org.baomi.shared.BaomiException INVALID (page, size), FORBIDDEN (audited)
     */
    ResultPage<DocumentSummary> search(DocumentFilter filter);

    /**
     * Every match of the filter (page and size ignored, at most 10,000 rows) as CSV in the locale's language,
     * each row with its level★period mark. Permission {@link DocumentPermissions#REGISTER_MANAGE}; audit
     * {@code document.register.exported} (filter and row count).
     */
    CsvExport export(DocumentFilter filter, Locale locale);

    /**
     * The documents the current person keeps as custodian (DOC-1), those with an overdue circulation first.
     * No permission beyond being signed in: custodianship is the right. Not audited (titles of one's own
     * documents; showing any of them is).
     */
    List<DocumentSummary> kept();

    /**
     * What a category gives a new document (CLS-2, CLS-4), for the registration form. The catalogue is public
     * regulatory text: nothing is audited.
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND for an unknown or inactive category
     */
    RegistrationDefaults defaultsFor(String categoryCode);
}
