package org.baomi.approval.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.baomi.approval.ApprovalBox;
import org.baomi.approval.ApprovalDetail;
import org.baomi.approval.ApprovalFilter;
import org.baomi.approval.ApprovalPage;
import org.baomi.approval.ApprovalQueries;
import org.baomi.approval.ApprovalStatus;
import org.baomi.approval.Approvals;
import org.baomi.approval.SubmitApproval;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The approval engine for other systems (issue 4 item 6): submit, decide, withdraw and query for a named staff
 * member. Token scopes: {@code approval:request:submit} (submit, withdraw), {@code approval:request:decide}
 * (decide), {@code approval:request:read} (query); the module API checks them and audits, and applies every rule
 * of the engine to the named person. Errors are RFC 9457 problems; input problems list each field.
 */
@RestController
@RequestMapping(path = "/api/v1/approvals", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Approvals", description = "Submit, decide, withdraw and query approval requests for a staff member")
class ApprovalApiController {

    private final Approvals approvals;
    private final ApprovalQueries queries;
    private final StaffLookup staff;

    ApprovalApiController(Approvals approvals, ApprovalQueries queries, StaffLookup staff) {
        this.approvals = approvals;
        this.queries = queries;
        this.staff = staff;
    }

    /** A request to submit; durationDays may be omitted for the kind's default. */
    record SubmitBody(String staffNo, String kind, String subjectType, String subjectId, String action, String reason,
            Integer durationDays, Map<String, String> fields) {
    }

    /** A decision: APPROVE or REFUSE (a refusal needs a comment); version as last read, or omitted. */
    record DecisionBody(String staffNo, String decision, String comment, Integer version) {
    }

    /** A withdrawal by the requester, with a reason. */
    record WithdrawalBody(String staffNo, String reason) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a request", description = "Scope approval:request:submit. Audited as "
            + "approval.request.submitted. 201 with the request's location.")
    ResponseEntity<ApprovalDetail> submit(@RequestBody(required = false) SubmitBody body) {
        if (body == null) {
            throw new InvalidInputException(List.of(new FieldProblem("body", "approval.error.body-required")));
        }
        long person = person(body.staffNo());
        long id = approvals.submit(new SubmitApproval(body.kind(), person, body.subjectType(), body.subjectId(),
                body.action(), body.reason(), body.durationDays(), body.fields()));
        return ResponseEntity.created(URI.create("/api/v1/approvals/" + id)).body(queries.detail(id, person));
    }

    @PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Decide the current step", description = "Scope approval:request:decide. The named person "
            + "must be asked (or a delegate), never the requester, never twice. 409 when no longer pending.")
    ApprovalDetail decide(@PathVariable String id, @RequestBody(required = false) DecisionBody body) {
        long approvalId = ApprovalWeb.id(id);
        if (body == null) {
            throw new InvalidInputException(List.of(new FieldProblem("body", "approval.error.body-required")));
        }
        long person = person(body.staffNo());
        String decision = body.decision() == null ? "" : body.decision().strip().toUpperCase(Locale.ROOT);
        if (!decision.equals("APPROVE") && !decision.equals("REFUSE")) {
            throw new InvalidInputException(List.of(new FieldProblem("decision", "approval.error.decision-required")));
        }
        approvals.decide(approvalId, person, decision.equals("APPROVE"), body.comment(),
                body.version() == null ? -1 : body.version());
        return queries.detail(approvalId, person);
    }

    @PostMapping(path = "/{id}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw a pending request", description = "Scope approval:request:submit; the requester only.")
    ApprovalDetail withdraw(@PathVariable String id, @RequestBody(required = false) WithdrawalBody body) {
        long approvalId = ApprovalWeb.id(id);
        if (body == null) {
            throw new InvalidInputException(List.of(new FieldProblem("body", "approval.error.body-required")));
        }
        long person = person(body.staffNo());
        approvals.withdraw(approvalId, person, body.reason());
        return queries.detail(approvalId, person);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One request with its chain and history", description = "Scope approval:request:read; "
            + "the named person must be involved. Audited as approval.request.viewed.")
    ApprovalDetail detail(@PathVariable String id, @RequestParam(required = false) String staffNo) {
        long approvalId = ApprovalWeb.id(id);
        return queries.detail(approvalId, person(staffNo));
    }

    @GetMapping
    @Operation(summary = "A box of the named person", description = "Scope approval:request:read. box: WAITING, "
            + "MINE or DECIDED; status optional; page from 0, size 1..100.")
    ApprovalPage list(@RequestParam(required = false) String staffNo, @RequestParam(required = false) String box,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") String page,
            @RequestParam(defaultValue = "20") String size) {
        List<FieldProblem> problems = new ArrayList<>();
        ApprovalBox parsedBox = parse(ApprovalBox.class, box == null ? "WAITING" : box, "box", problems);
        ApprovalStatus parsedStatus = status == null ? null : parse(ApprovalStatus.class, status, "status", problems);
        Long p = ApprovalWeb.number(page);
        Long s = ApprovalWeb.number(size);
        if (p == null || p > 100_000) {
            problems.add(new FieldProblem("page", "approval.error.page"));
        }
        if (s == null || s < 1 || s > 100) {
            problems.add(new FieldProblem("size", "approval.error.size"));
        }
        long person = person(staffNo);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return queries.list(person, new ApprovalFilter(parsedBox, parsedStatus, null, null, p.intValue(),
                s.intValue()));
    }

    /**
     * The named person's id; an unknown staff number becomes an id nobody has, so that the module API first
     * refuses a caller without the scope (audited) and only then says the person is unknown.
     */
    private long person(String staffNo) {
        return staff.activeByStaffNo(staffNo).map(StaffPrincipal::accountId).orElse(-1L);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldProblem> problems) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "approval.error.choice"));
            return null;
        }
    }
}
