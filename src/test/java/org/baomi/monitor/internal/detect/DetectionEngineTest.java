package org.baomi.monitor.internal.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

import org.baomi.iam.AccountStatus;
import org.baomi.iam.BreakGlassVerdict;
import org.baomi.monitor.Detector;
import org.junit.jupiter.api.Test;

/**
 * The explanations and the nine detectors on a hand-made ward (issue 7 items 2 and 3; PAT-4, ACC-1, ACC-4): each
 * detector fires on its case with evidence in plain language, and each explanation clears an access.
 */
class DetectionEngineTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY0 = LocalDate.of(2026, 10, 1);
    private static final long WARD = 10;
    private static final long NURSE = 1;
    private static final long NIGHT_NURSE = 2;
    private static final long DEPARTED = 3;
    private static final long OTHER_WARD_PATIENT = 500;

    private final DetectionContext.Builder context = DetectionContext.builder(ZONE);
    private final List<long[]> raw = new ArrayList<>();

    DetectionEngineTest() {
        context.staff(staff(NURSE, "Chen", "13800005678", 900L, AccountStatus.ACTIVE, null));
        context.staff(staff(NIGHT_NURSE, "Wang", "13900001111", null, AccountStatus.ACTIVE, null));
        context.staff(staff(DEPARTED, "Li", "13700002222", null, AccountStatus.DEPARTED, at(10, 0)));
        for (long peer = 20; peer < 24; peer++) {
            context.staff(staff(peer, "Peer" + peer, null, null, AccountStatus.ACTIVE, null));
        }
        context.patient(patient(900, "Chen", "13811112222", "Road 1 No 2", NURSE, EnumSet.noneOf(PatientFlag.class),
                null));
        context.patient(patient(OTHER_WARD_PATIENT, "Zhao", "15000000001", "Road 9", null, null, null));
        // a month of ordinary work: ward patients 100..199 with open encounters in the ward
        for (long p = 100; p < 200; p++) {
            context.patient(patient(p, "Chen", "150000" + p, "Street " + p, null, null, null));
            context.encounter(new EncounterSpan(p, WARD, at(0, 0).minus(Duration.ofDays(1)), null));
        }
        for (int day = 0; day < 28; day++) {
            for (int k = 0; k < 8; k++) {
                event(NURSE, 100 + (day * 8 + k) % 100, day, 9 + k % 8, k);
                event(NIGHT_NURSE, 100 + (day * 3 + k) % 100, day, (22 + k % 8) % 24, k);
                for (long peer = 20; peer < 24; peer++) {
                    event(peer, 100 + (day * 5 + k) % 100, day, 10 + k % 6, k);
                }
            }
            if (day < 10) {
                event(DEPARTED, 100 + day, day, 11, 0);
            }
        }
    }

    @Test
    void anAccessNoWorkExplainsRaisesNoExplanationWithPlainEvidencePat4Acc1() {
        event(NURSE, OTHER_WARD_PATIENT, 28, 10, 30);
        DetectionAlert alert = only(Detector.NO_EXPLANATION);
        assertThat(alert.patientId()).isEqualTo(OTHER_WARD_PATIENT);
        assertThat(alert.day()).isEqualTo(DAY0.plusDays(28));
        assertThat(alert.evidence()).extracting(EvidenceLine::key)
                .containsExactly("monitor.evidence.access", "monitor.evidence.unexplained");
        assertThat(alert.evidence().get(0).args()).containsExactly("Nurse1", "nurse", "Ward", "2026-10-29 10:30",
                "P500", "M500", "1");
        assertThat(alert.eventIds()).hasSize(1);
        assertThat(alert.score()).isEqualTo(40.0);
    }

    @Test
    void aCareRelationshipClearsTheAccessAndItsCareWindowEndsAfterSevenDaysAcc4() {
        context.care(new CareSpan(NURSE, OTHER_WARD_PATIENT, at(20, 0), at(22, 0)));
        event(NURSE, OTHER_WARD_PATIENT, 26, 10, 0);
        assertThat(alerts()).isEmpty();
        event(NURSE, OTHER_WARD_PATIENT, 29, 10, 0);
        assertThat(only(Detector.NO_EXPLANATION).day()).isEqualTo(DAY0.plusDays(29));
    }

    @Test
    void anEncounterInThePersonsDepartmentClearsOnlyWhileOpenOrRecentAcc4() {
        context.encounter(new EncounterSpan(OTHER_WARD_PATIENT, WARD, at(20, 0), at(21, 0)));
        event(NURSE, OTHER_WARD_PATIENT, 23, 10, 0);
        assertThat(alerts()).isEmpty();
        event(NURSE, OTHER_WARD_PATIENT, 27, 10, 0);
        assertThat(only(Detector.NO_EXPLANATION).day()).isEqualTo(DAY0.plusDays(27));
    }

    @Test
    void anOrderToTheDepartmentAReferralToThePersonAndAGrantClearAccessesAcc6() {
        context.careContext(new CareContext(1, CareContext.Kind.ORDER, null, WARD, OTHER_WARD_PATIENT, at(27, 0),
                at(29, 0)));
        context.careContext(new CareContext(2, CareContext.Kind.REFERRAL, NIGHT_NURSE, null, OTHER_WARD_PATIENT,
                at(27, 0), null));
        context.grant(new GrantSpan(20, OTHER_WARD_PATIENT, at(27, 0), at(29, 0)));
        event(NURSE, OTHER_WARD_PATIENT, 28, 10, 0);
        event(NIGHT_NURSE, OTHER_WARD_PATIENT, 28, 23, 0);
        event(20, OTHER_WARD_PATIENT, 28, 11, 0);
        assertThat(alerts()).isEmpty();
    }

    @Test
    void onlyABreakTheGlassReviewedAsJustifiedClearsItsAccessesAcc4Pat4() {
        context.breakGlass(new BreakGlassSpan(NURSE, OTHER_WARD_PATIENT, at(28, 9), at(28, 13),
                BreakGlassVerdict.JUSTIFIED));
        context.breakGlass(new BreakGlassSpan(20, OTHER_WARD_PATIENT, at(28, 9), at(28, 13),
                BreakGlassVerdict.UNJUSTIFIED));
        context.breakGlass(new BreakGlassSpan(21, OTHER_WARD_PATIENT, at(28, 9), at(28, 13), null));
        event(NURSE, OTHER_WARD_PATIENT, 28, 10, 0);
        event(20, OTHER_WARD_PATIENT, 28, 10, 0);
        event(21, OTHER_WARD_PATIENT, 28, 11, 0);
        assertThat(alerts()).extracting(DetectionAlert::personId).containsExactlyInAnyOrder(20L, 21L);
    }

    @Test
    void sameSurnameAndSamePhoneIsARelativeWithTheMaskedPhoneAsEvidencePat4() {
        context.patient(patient(600, "Chen", "+86 138-0000-5678", "Elsewhere", null, null, null));
        event(NURSE, 600, 28, 14, 0);
        DetectionAlert alert = only(Detector.FAMILY);
        assertThat(alert.evidence().get(1)).isEqualTo(new EvidenceLine("monitor.evidence.family.phone",
                List.of("Chen", "138****5678")));
    }

    @Test
    void sameSurnameAndTheAddressOfThePersonsOwnAccountIsARelativePat4() {
        context.patient(patient(601, "Chen", null, "Road 1  No 2", null, null, null));
        event(NURSE, 601, 28, 14, 0);
        assertThat(only(Detector.FAMILY).evidence()).extracting(EvidenceLine::key)
                .contains("monitor.evidence.family.address");
    }

    @Test
    void aSharedCommonSurnameAloneIsNotARelativePat4() {
        context.patient(patient(602, "Chen", "15099999999", "Far away", null, null, null));
        event(NURSE, 602, 28, 14, 0);
        assertThat(only(Detector.NO_EXPLANATION).patientId()).isEqualTo(602L);
    }

    @Test
    void aCoworkerAsPatientIsFlaggedUnlessTheirCareExplainsItPat4() {
        context.patient(patient(700, "Wang", "15000000700", "X", NIGHT_NURSE, null, null));
        event(NURSE, 700, 28, 14, 0);
        assertThat(only(Detector.COWORKER).evidence().get(1).key()).isEqualTo("monitor.evidence.coworker");
        context.encounter(new EncounterSpan(700, WARD, at(27, 0), null));
        assertThat(alerts()).isEmpty();
    }

    @Test
    void aVipOrSensitivePatientGetsOneLinePerFlagPat4() {
        context.patient(patient(800, "Sun", "15000000800", "Y", null,
                EnumSet.of(PatientFlag.VIP, PatientFlag.PSYCHIATRIC), null));
        event(NURSE, 800, 28, 14, 0);
        assertThat(only(Detector.VIP_SENSITIVE).evidence()).extracting(EvidenceLine::key).containsExactly(
                "monitor.evidence.access", "monitor.evidence.flag.VIP", "monitor.evidence.flag.PSYCHIATRIC",
                "monitor.evidence.unexplained");
    }

    @Test
    void lookingUpOnesOwnRecordIsFlaggedEvenWhenAnEncounterWouldExplainItAcc1() {
        context.encounter(new EncounterSpan(900, WARD, at(27, 0), null));
        event(NURSE, 900, 28, 14, 0);
        DetectionAlert alert = only(Detector.SELF_LOOKUP);
        assertThat(alert.evidence()).extracting(EvidenceLine::key).containsExactly("monitor.evidence.access",
                "monitor.evidence.self", "monitor.evidence.explained");
    }

    @Test
    void aDepartedAccountStillUsedGivesOneAlertPerDayAndNothingElsePat4() {
        event(DEPARTED, 100, 12, 11, 0);
        event(DEPARTED, OTHER_WARD_PATIENT, 12, 11, 5);
        DetectionAlert alert = only(Detector.INACTIVE_ACCOUNT);
        assertThat(alert.patientId()).isNull();
        assertThat(alert.eventIds()).hasSize(2);
        assertThat(alert.evidence().get(0).key()).isEqualTo("monitor.evidence.inactive.DEPARTED");
        assertThat(alert.evidence().get(0).args()).containsSequence("Nurse3", "S3", "2026-10-11", "2", "2");
    }

    @Test
    void anUnexplainedAccessAtAnHourThePersonNeverWorksIsAfterHoursPat4() {
        event(NURSE, OTHER_WARD_PATIENT, 28, 3, 14);
        DetectionAlert alert = only(Detector.AFTER_HOURS);
        assertThat(alert.evidence().get(1).key()).isEqualTo("monitor.evidence.after-hours");
        assertThat(alert.evidence().get(1).args().get(0)).isEqualTo("03:14");
    }

    @Test
    void threeAtNightIsUsualForANightNurseSoOnlyNoExplanationIsRaisedPat4() {
        event(NIGHT_NURSE, OTHER_WARD_PATIENT, 28, 3, 14);
        assertThat(only(Detector.NO_EXPLANATION).personId()).isEqualTo(NIGHT_NURSE);
    }

    @Test
    void aDayFarAboveTheOwnAndThePeersUsualDayIsAVolumeSpikeEvenWhenExplainedPat4() {
        for (int k = 0; k < 60; k++) {
            event(NURSE, 100 + k, 28, 9 + k % 8, k % 60);
        }
        DetectionAlert alert = only(Detector.VOLUME_SPIKE);
        assertThat(alert.patientId()).isNull();
        assertThat(alert.evidence().get(0).args()).containsSequence("60", "8", "8");
        assertThat(alert.eventIds()).hasSize(60);
    }

    @Test
    void aBusyDayWithinTwiceTheUsualIsNoSpikePat4() {
        for (int k = 0; k < 16; k++) {
            event(NURSE, 100 + k, 28, 9 + k % 8, k);
        }
        assertThat(alerts()).isEmpty();
    }

    @Test
    void aDeceasedPatientsRecordOpenedAfterTheDeathWithoutReasonIsFlaggedPat4() {
        context.patient(patient(950, "Qian", "15000000950", "Z", null, null, DAY0.plusDays(20)));
        event(NURSE, 950, 28, 14, 0);
        assertThat(only(Detector.DECEASED).evidence().get(1).args()).containsExactly("2026-10-21");
    }

    @Test
    void aDisabledDetectorOrAScoreBelowItsThresholdFallsBackToNoExplanation() {
        context.patient(patient(800, "Sun", "15000000800", "Y", null, EnumSet.of(PatientFlag.VIP), null));
        event(NURSE, 800, 28, 14, 0);
        DetectionSettings settings = DetectionSettings.defaults()
                .with(Detector.VIP_SENSITIVE, new DetectionSettings.Threshold(true, 70, 71));
        List<DetectionAlert> alerts = DetectionEngine.score(context.build(), events(), settings).alerts();
        assertThat(alerts).extracting(DetectionAlert::detector).containsExactly(Detector.NO_EXPLANATION);
        settings = settings.with(Detector.NO_EXPLANATION, new DetectionSettings.Threshold(false, 40, 0));
        assertThat(DetectionEngine.score(context.build(), events(), settings).alerts()).isEmpty();
    }

    @Test
    void theAlertKeyIsDetectorPersonPatientAndDay() {
        assertThat(DetectionAlert.key(Detector.FAMILY, 1, 600L, DAY0)).isEqualTo("FAMILY:1:600:2026-10-01");
        assertThat(DetectionAlert.key(Detector.VOLUME_SPIKE, 1, null, DAY0)).isEqualTo("VOLUME_SPIKE:1:-:2026-10-01");
    }

    // ---- fixture ------------------------------------------------------------------------------------------

    private static StaffProfile staff(long id, String surname, String phone, Long own, AccountStatus status,
            Instant since) {
        return new StaffProfile(id, "S" + id, "Nurse" + id, surname, phone, "NURSE", "nurse", WARD, "Ward", status,
                since, own);
    }

    private static PatientProfile patient(long id, String surname, String phone, String address, Long staffPersonId,
            EnumSet<PatientFlag> flags, LocalDate deceased) {
        return new PatientProfile(id, "M" + id, "P" + id, surname, phone, address, staffPersonId, flags, deceased);
    }

    private static Instant at(int day, int hour) {
        return DAY0.plusDays(day).atTime(hour, 0).atZone(ZONE).toInstant();
    }

    private void event(long person, long patient, int day, int hour, int minute) {
        raw.add(new long[] {person, patient, at(day, hour).plusSeconds(minute * 60L).getEpochSecond()});
    }

    private AccessEvents events() {
        AccessEvents events = new AccessEvents(raw.size());
        List<long[]> sorted = new ArrayList<>(raw);
        sorted.sort(Comparator.comparingLong(e -> e[2]));
        long id = 1;
        for (long[] e : sorted) {
            events.add(id++, e[0], e[1], e[2], AccessKind.READ.ordinal());
        }
        return events;
    }

    private List<DetectionAlert> alerts() {
        return DetectionEngine.score(context.build(), events(), DetectionSettings.defaults()).alerts();
    }

    private DetectionAlert only(Detector detector) {
        List<DetectionAlert> alerts = alerts();
        assertThat(alerts).extracting(DetectionAlert::detector).containsExactly(detector);
        return alerts.get(0);
    }
}
