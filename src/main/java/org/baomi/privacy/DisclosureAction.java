package org.baomi.privacy;

/** What was done with a patient's record in an access listed in the accounting of disclosures (issue 6 item 4). */
public enum DisclosureAction {
    /** The record (or a part of it, such as the fee list) was shown on a screen. */
    VIEWED,
    /** The record was printed. */
    PRINTED,
    /** The record was exported or downloaded as a file. */
    EXPORTED;

    /** Message key of the action's name on the patient's page. */
    public String messageKey() {
        return "privacy-self.disclosure.action." + name();
    }
}
