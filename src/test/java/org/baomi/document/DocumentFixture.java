package org.baomi.document;

import java.util.function.Supplier;

import org.baomi.classification.PeriodKind;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.SecretLevel;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;

/**
 * People and documents for the document module's tests: each test makes its own, so nothing here reaches other
 * tests' registers or inboxes. The registrar keeps the register and may classify (the president's permission, CLS-3);
 * the custodian belongs to the confidentiality office, cleared for 机密.
 */
public final class DocumentFixture {

    private final TestAccounts accounts;
    private final AccessChangeFeed feed;
    private final DocumentRegister register;

    public DocumentFixture(TestAccounts accounts, AccessChangeFeed feed, DocumentRegister register) {
        this.accounts = accounts;
        this.feed = feed;
        this.register = register;
    }

    public TestAccounts.Created person(SecretLevel clearance, String... roles) {
        String[] all = new String[roles.length + 1];
        all[0] = "staff";
        System.arraycopy(roles, 0, all, 1, roles.length);
        TestAccounts.Created created = accounts.create(TestAccounts.person().clearance(clearance).roles(all));
        feed.poll();
        return created;
    }

    /** Keeps the register and may set any level (CLS-3 through the president's permission). */
    public TestAccounts.Created registrar() {
        return person(SecretLevel.TOP_SECRET, "confidentiality-office", "president");
    }

    public TestAccounts.Created custodian() {
        return person(SecretLevel.HIGHLY_SECRET, "confidentiality-office");
    }

    /** A reader who may read documents up to the clearance, given need-to-know. */
    public TestAccounts.Created reader(SecretLevel clearance) {
        return person(clearance, "doctor");
    }

    public DocumentDraft draft(Direction direction, String title, String category, SecretLevel level,
            TestAccounts.Created custodian) {
        return new DocumentDraft(direction, title, "T-" + title.hashCode(), "Test unit", category, level, null, 2,
                custodian.staffNo(), "Cabinet 1", null);
    }

    /** A received 机密 meeting minute (category MGMT-MINUTES, 10 years by default). */
    public long minutes(TestAccounts.Created registrar, TestAccounts.Created custodian, String title) {
        long id = as(registrar, () -> register.register(draft(Direction.RECEIPT, title, "MGMT-MINUTES", null,
                custodian)));
        feed.poll();
        return id;
    }

    public static ConfidentialityTerm years(int years) {
        return new ConfidentialityTerm(PeriodKind.YEARS, years, null, null);
    }

    public void poll() {
        feed.poll();
    }

    public <T> T as(TestAccounts.Created person, Supplier<T> action) {
        return SignedIn.as(accounts.authenticationOf(person), action);
    }

    public void as(TestAccounts.Created person, Runnable action) {
        as(person, () -> {
            action.run();
            return null;
        });
    }
}
