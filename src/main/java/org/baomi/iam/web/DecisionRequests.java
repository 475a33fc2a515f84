package org.baomi.iam.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessContext;
import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.AccessRule;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.RuleStep;
import org.baomi.iam.internal.account.StaffNumbers;
import org.springframework.stereotype.Component;

/**
 * Turns the decision API's questions into {@link AccessRequest}s, field by field ({@link DecisionJson} reads and
 * writes the JSON).
 * Every problem of every item is reported at once ({@code [3].action}), so a caller fixes a batch in one go.
 */
@Component
class DecisionRequests {

    /** Most questions in one batch: a thousand keeps one batch well under the API's body limit and 20 ms. */
    static final int MAX_BATCH = 1_000;
    static final int MAX_PURPOSE = 200;
    /** Problems listed at most, so that a batch of garbage does not produce a megabyte of errors. */
    private static final int MAX_PROBLEMS = 50;
    /**
     * Account ids start at 1: a staff number nobody has is asked about as this id, which the decision point
     * answers, and audits, as an unknown person (ACC-1: deny by default, audit always) instead of an error.
     */
    static final long UNKNOWN_PERSON = 0L;

    private final StaffNumbers staffNumbers;

    DecisionRequests(StaffNumbers staffNumbers) {
        this.staffNumbers = staffNumbers;
    }

    /** The requests, in order; throws with every problem found when any item is invalid. */
    List<AccessRequest> toRequests(List<AccessDecisionRequest> items, String callingSystem, boolean batch) {
        List<FieldProblem> problems = new ArrayList<>();
        List<AccessRequest> requests = new ArrayList<>(items.size());
        for (int i = 0; i < items.size() && problems.size() < MAX_PROBLEMS; i++) {
            AccessDecisionRequest item = items.get(i);
            if (item == null) {
                problems.add(new FieldProblem(batch ? "[" + i + "]" : "body", "access-web.api.item.required"));
                continue;
            }
            AccessRequest request = toRequest(item, batch ? i : -1, callingSystem, problems);
            if (request != null) {
                requests.add(request);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return requests;
    }

    /** One question; {@code index} is its place in a batch (-1 for a single question), named only in problems. */
    private AccessRequest toRequest(AccessDecisionRequest item, int index, String callingSystem,
            List<FieldProblem> problems) {
        int before = problems.size();
        boolean hasStaffNo = item.staffNo() != null && !item.staffNo().isBlank();
        if (hasStaffNo == (item.personId() != null)) {
            problems.add(new FieldProblem(field(index, "staffNo"), hasStaffNo
                    ? "access-web.api.person.both" : "access-web.api.person.required"));
        } else if (item.personId() != null && item.personId() <= 0) {
            problems.add(new FieldProblem(field(index, "personId"), "access-web.api.person-id.invalid"));
        }
        AccessAction action = action(item.action());
        if (action == null) {
            problems.add(new FieldProblem(field(index, "action"), item.action() == null || item.action().isBlank()
                    ? "access-web.api.action.required" : "access-web.api.action.unknown"));
        }
        if (!ResourceRef.isTypeCode(item.resourceType())) {
            problems.add(new FieldProblem(field(index, "resourceType"), "access-web.api.resource-type.invalid"));
        }
        if (item.resourceId() == null || item.resourceId().isBlank() || item.resourceId().length() > 100) {
            problems.add(new FieldProblem(field(index, "resourceId"), "access-web.api.resource-id.invalid"));
        }
        if (item.purpose() != null && item.purpose().length() > MAX_PURPOSE) {
            problems.add(new FieldProblem(field(index, "purpose"), "access-web.api.purpose.too-long", MAX_PURPOSE));
        }
        if (item.breakGlassId() != null && item.breakGlassId() <= 0) {
            problems.add(new FieldProblem(field(index, "breakGlassId"), "access-web.api.break-glass-id.invalid"));
        }
        if (problems.size() > before) {
            return null;
        }
        long personId = item.personId() != null ? item.personId()
                : staffNumbers.idOf(item.staffNo()).orElse(UNKNOWN_PERSON);
        String purpose = item.purpose() == null || item.purpose().isBlank() ? null : item.purpose().strip();
        AccessContext context = new AccessContext(purpose, null, item.breakGlassId(), callingSystem);
        return new AccessRequest(personId, action, new ResourceRef(item.resourceType(), item.resourceId()), context);
    }

    /** A field's name in a problem: {@code action}, or {@code [3].action} for the fourth item of a batch. */
    private static String field(int index, String name) {
        return index < 0 ? name : "[" + index + "]." + name;
    }

    /** The basis that allowed it, or the first rule that failed (POLICY when the trail is empty: deny by default). */
    static String reason(AccessDecision decision) {
        if (decision.allowed()) {
            return decision.basis() == null ? AccessRule.POLICY.name() : decision.basis().name();
        }
        for (RuleStep step : decision.trail()) {
            if (!step.passed()) {
                return step.rule().name();
            }
        }
        return decision.trail().isEmpty() ? AccessRule.POLICY.name()
                : decision.trail().get(decision.trail().size() - 1).rule().name();
    }

    static AccessAction action(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.strip().toUpperCase(Locale.ROOT)) {
            case "READ" -> AccessAction.READ;
            case "CHANGE" -> AccessAction.CHANGE;
            case "EXPORT" -> AccessAction.EXPORT;
            case "CREATE" -> AccessAction.CREATE;
            default -> null;
        };
    }
}
