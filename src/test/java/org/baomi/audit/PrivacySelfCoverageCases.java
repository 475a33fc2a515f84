package org.baomi.audit;

import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditCoverageTest.Case;
import org.baomi.audit.AuditCoverageTest.Who;
import org.baomi.privacy.SelfServiceDesk;
import org.baomi.privacy.SelfServiceFixtures;
import org.baomi.privacy.SelfServicePortal;
import org.baomi.privacy.SelfServiceSession;
import org.baomi.privacy.SelfServiceSignIn;
import org.baomi.privacy.internal.selfservice.LoggingSmsGateway;
import org.baomi.test.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit coverage cases of patient self-service (issue 6 items 4 and 5; ACC-5, AUD-1), collected by
 * {@link AuditCoverageTest}. The desk refuses staff without the permission ({@code access.denied}); the patient's
 * side runs with nobody signed in ({@link Who#MODULE}): a patient is no staff principal, and the patient's entries
 * carry no account id (actor kind PATIENT). Each patient case signs a fresh demo patient in through the SMS double.
 */
final class PrivacySelfCoverageCases {

    private PrivacySelfCoverageCases() {
    }

    private static SelfServiceFixtures fixtures(AuditCoverageTest t) {
        return new SelfServiceFixtures(t.bean(JdbcClient.class), t.bean(TestAccounts.class));
    }

    /** A fresh demo patient signed in with a code sent to the phone on file (the SMS double's outbox). */
    private static SelfServiceSession signedIn(AuditCoverageTest t) {
        SelfServiceFixtures.Patient p = fixtures(t).next();
        SelfServiceSignIn signIn = t.bean(SelfServiceSignIn.class);
        signIn.sendCode(p.name(), p.idNumber(), SelfServiceFixtures.address());
        String code = SelfServiceFixtures.smsCode(t.bean(LoggingSmsGateway.class), p.phone());
        return signIn.signIn(p.name(), p.idNumber(), code, SelfServiceFixtures.address());
    }

    static final List<Case> CASES = List.of(
            Case.denied("SelfServiceDesk.find", t -> t.bean(SelfServiceDesk.class).find("MRN-1")),
            Case.denied("SelfServiceDesk.issueCode", t -> t.bean(SelfServiceDesk.class).issueCode(1L)),
            Case.recorded("SelfServiceSignIn.sendCode", Who.MODULE, "privacy.self.code.sent", t -> {
                SelfServiceFixtures.Patient p = fixtures(t).next();
                t.bean(SelfServiceSignIn.class).sendCode(p.name(), p.idNumber(), SelfServiceFixtures.address());
            }),
            Case.recorded("SelfServiceSignIn.signIn", Who.MODULE, "privacy.self.signed-in", PrivacySelfCoverageCases::signedIn),
            Case.recorded("SelfServiceSignIn.signOut", Who.MODULE, "privacy.self.signed-out",
                    t -> t.bean(SelfServiceSignIn.class).signOut(signedIn(t).token())),
            Case.recorded("SelfServicePortal.fees", Who.MODULE, "privacy.self.fee-list.viewed",
                    t -> t.bean(SelfServicePortal.class).fees(signedIn(t).token())),
            Case.recorded("SelfServicePortal.encounter", Who.MODULE, "privacy.self.fee-list.viewed", t -> {
                SelfServicePortal portal = t.bean(SelfServicePortal.class);
                String token = signedIn(t).token();
                portal.encounter(token, portal.fees(token).encounters().get(0).id());
            }),
            Case.recorded("SelfServicePortal.print", Who.MODULE, "privacy.self.fee-list.printed",
                    t -> t.bean(SelfServicePortal.class).print(signedIn(t).token(), null)),
            Case.recorded("SelfServicePortal.disclosures", Who.MODULE, "privacy.self.disclosures.viewed",
                    t -> t.bean(SelfServicePortal.class).disclosures(signedIn(t).token(), null, null)));

    static final Map<String, String> NOT_SECURITY_RELEVANT = Map.of(
            "AuditQueries.ofPatient", "in-process read for the patient's own disclosure report, which is audited "
                    + "(SelfServicePortal.disclosures); not reachable by a request otherwise",
            "DepartmentLookup.names", "department names for module code (a patient's own fee list); not protected "
                    + "content");
}
