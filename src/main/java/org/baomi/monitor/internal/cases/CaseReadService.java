package org.baomi.monitor.internal.cases;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.OrganisationQueries;
import org.baomi.iam.OrganisationUnit;
import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.baomi.monitor.AlertQueryRow;
import org.baomi.monitor.PrivacyCaseBoard;
import org.baomi.monitor.PrivacyCasePermissions;
import org.baomi.monitor.PrivacyCaseRecordEntry;
import org.baomi.monitor.PrivacyCaseSanction;
import org.baomi.monitor.PrivacyCaseStep;
import org.baomi.monitor.PrivacyCaseSummary;
import org.baomi.monitor.PrivacyCaseView;
import org.baomi.monitor.PrivacyCases;
import org.baomi.shared.BaomiException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The case board, a case, and the department head's view of a case to explain (PAT-4); every view audited. */
@Service
class CaseReadService implements PrivacyCases {

    private final CaseStore store;
    private final AlertRows alerts;
    private final CaseSettings settings;
    private final CaseAccess access;
    private final StaffLookup staff;
    private final OrganisationQueries organisation;
    private final AuditTrail audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    CaseReadService(CaseStore store, AlertRows alerts, CaseSettings settings, CaseAccess access, StaffLookup staff,
            OrganisationQueries organisation, AuditTrail audit, Clock clock) {
        this.store = store;
        this.alerts = alerts;
        this.settings = settings;
        this.access = access;
        this.staff = staff;
        this.organisation = organisation;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public PrivacyCaseBoard board() {
        access.person(PrivacyCasePermissions.CASE_MANAGE);
        List<CaseStore.CaseRow> rows = store.boardRows(PrivacyCaseBoard.CLOSED_SHOWN);
        List<PrivacyCaseSummary> summaries = summaries(rows);
        Map<PrivacyCaseStep, List<PrivacyCaseSummary>> columns = new EnumMap<>(PrivacyCaseStep.class);
        for (PrivacyCaseStep step : PrivacyCaseStep.values()) {
            columns.put(step, new ArrayList<>());
        }
        summaries.forEach(s -> columns.get(s.step()).add(s));
        int overdue = (int) summaries.stream().filter(PrivacyCaseSummary::overdue).count();
        audit.record(AuditEntry.allowed("monitor.cases.viewed", CaseOpening.OBJECT, null,
                Map.of("cases", rows.stream().map(CaseStore.CaseRow::id).toList(), "overdue", overdue)));
        Map<PrivacyCaseStep, List<PrivacyCaseSummary>> frozen = new EnumMap<>(PrivacyCaseStep.class);
        columns.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new PrivacyCaseBoard(frozen, overdue);
    }

    @Override
    @Transactional
    public PrivacyCaseView view(long caseId) {
        access.person(PrivacyCasePermissions.CASE_MANAGE);
        return viewed(found(caseId), "monitor.case.viewed");
    }

    @Override
    @Transactional
    public PrivacyCaseView viewForExplanation(long caseId) {
        StaffPrincipal head = access.person(PrivacyCasePermissions.CASE_EXPLAIN);
        CaseStore.CaseRow row = found(caseId);
        access.requireHeadOf(head, row.departmentId(), row.personId());
        if (row.step() != PrivacyCaseStep.EXPLANATION) {
            throw BaomiException.conflict("monitor.cases.error.wrong-step");
        }
        return viewed(row, "monitor.case.viewed-for-explanation");
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> awaitingMyExplanation() {
        StaffPrincipal head = access.person(PrivacyCasePermissions.CASE_EXPLAIN);
        return head.departmentId() == null ? List.of() : store.awaitingExplanation(head.departmentId());
    }

    @Override
    @Transactional(readOnly = true)
    public BigDecimal riskOf(String userRef) {
        access.person(PrivacyCasePermissions.CASE_MANAGE);
        Instant now = clock.instant();
        return store.risk(List.of(userRef), now, now.minus(CaseSettings.RISK_WINDOW), settings.halfLifeDays())
                .getOrDefault(userRef, BigDecimal.ZERO.setScale(1));
    }

    private CaseStore.CaseRow found(long caseId) {
        return store.find(caseId).orElseThrow(() -> BaomiException.notFound("monitor.cases.error.not-found"));
    }

    private PrivacyCaseView viewed(CaseStore.CaseRow row, String action) {
        Locale locale = LocaleContextHolder.getLocale();
        List<AlertQueryRow> caseAlerts = alerts.render(alerts.ofCase(row.id()), locale);
        Map<Long, String> names = new HashMap<>();
        List<PrivacyCaseRecordEntry> record = new ArrayList<>();
        for (CaseStore.StepRow s : store.record(row.id())) {
            record.add(new PrivacyCaseRecordEntry(s.id(), s.action(), s.step(), s.actorId(),
                    s.actorId() == null ? null : name(names, s.actorId()), s.at(), s.note(), s.dueAt(),
                    json.readValue(s.details(), new TypeReference<Map<String, Object>>() { })));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("alerts", caseAlerts.stream().map(AlertQueryRow::id).toList());
        details.put("patients", caseAlerts.stream().map(AlertQueryRow::patientId).filter(Objects::nonNull)
                .distinct().toList());
        details.put("userRef", row.userRef());
        audit.record(AuditEntry.allowed(action, CaseOpening.OBJECT, row.id(), details));
        return new PrivacyCaseView(summaries(List.of(row)).get(0), row.openedBecause(), row.interviewedOn(),
                PrivacyCaseSanction.ofKey(row.sanctionKey()), row.sanctionText(), row.closedAt(), caseAlerts, record);
    }

    private List<PrivacyCaseSummary> summaries(List<CaseStore.CaseRow> rows) {
        Instant now = clock.instant();
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> departments = new HashMap<>();
        for (OrganisationUnit unit : organisation.departments()) {
            departments.put(unit.id(), unit.name().in(locale));
        }
        Map<Long, Integer> counts = store.alertCounts(rows.stream().map(CaseStore.CaseRow::id).toList());
        Map<String, BigDecimal> risks = store.risk(rows.stream().map(CaseStore.CaseRow::userRef).distinct().toList(),
                now, now.minus(CaseSettings.RISK_WINDOW), settings.halfLifeDays());
        Map<Long, String> names = new HashMap<>();
        List<PrivacyCaseSummary> summaries = new ArrayList<>(rows.size());
        for (CaseStore.CaseRow r : rows) {
            boolean overdue = r.step().open() && r.dueAt() != null && r.dueAt().isBefore(now);
            summaries.add(new PrivacyCaseSummary(r.id(), r.userRef(), r.personId(),
                    r.personId() == null ? null : name(names, r.personId()), r.departmentId(),
                    r.departmentId() == null ? null : departments.get(r.departmentId()), r.step(), r.openedAt(),
                    r.dueAt(), overdue, counts.getOrDefault(r.id(), 0),
                    risks.getOrDefault(r.userRef(), BigDecimal.ZERO.setScale(1)), r.assigneeId(),
                    r.assigneeId() == null ? null : name(names, r.assigneeId()), r.outcome(), r.version()));
        }
        return summaries;
    }

    private String name(Map<Long, String> names, long accountId) {
        String n = names.computeIfAbsent(accountId,
                id -> staff.activeById(id).map(StaffPrincipal::fullName).orElse(""));
        return n.isEmpty() ? null : n;
    }
}
