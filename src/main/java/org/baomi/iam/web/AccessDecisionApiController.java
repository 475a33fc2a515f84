package org.baomi.iam.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessPermissions;
import org.baomi.iam.AccessPolicy;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.internal.token.ApiTokenAuthentication;
import org.baomi.iam.internal.token.CallerPermissions;
import org.baomi.shared.BaomiException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The decision point for other systems (issue 3 item 5, ACC-1..6): the EMR and the HIS ask before they show a
 * record. Scope {@link AccessPermissions#DECISION_REQUEST}; every decision is audited by the decision point
 * ({@code access.decision} per single question, one {@code access.decisions} per batch), with the calling system.
 * Kept lean on purpose: the staff number is resolved through a cache, explanations are translated once per
 * combination, and the JSON is read and written by {@link DecisionJson} with Jackson's streaming API (no data binding
 * per item), so a decision costs the engine's microseconds plus its share of the audit record.
 */
@RestController
@RequestMapping(path = "/api/v1/access/decisions", produces = MediaType.APPLICATION_JSON_VALUE,
        consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Access decisions", description = "May this person do this to that object? Scope access:decision:request")
class AccessDecisionApiController {

    private final AccessPolicy policy;
    private final CallerPermissions permissions;
    private final DecisionRequests requests;
    private final DecisionJson json;

    AccessDecisionApiController(AccessPolicy policy, CallerPermissions permissions, DecisionRequests requests,
            DecisionJson json) {
        this.policy = policy;
        this.permissions = permissions;
        this.requests = requests;
        this.json = json;
    }

    @PostMapping
    @Operation(summary = "One decision", description = "Requires scope access:decision:request. An unknown staff "
            + "number is a denial (access.denied.unknown-person), not an error. Audited as access.decision.")
    @ApiResponse(responseCode = "200", description = "The decision",
            content = @Content(schema = @Schema(implementation = AccessDecisionResponse.class)))
    ResponseEntity<byte[]> decide(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = AccessDecisionRequest.class)))
            @RequestBody byte[] body, HttpServletRequest http) {
        permissions.require(AccessPermissions.DECISION_REQUEST);
        AccessDecisionRequest question = json.readQuestion(body, http);
        if (question == null) {
            throw new InvalidInputException(List.of(new FieldProblem("body", "access-web.api.item.required")));
        }
        AccessRequest request = requests.toRequests(List.of(question), callingSystem(), false).get(0);
        return ResponseEntity.ok(json.writeAnswer(policy.check(request), DecisionTexts.localeOf(http)));
    }

    @PostMapping("/batch")
    @Operation(summary = "Up to 1,000 decisions at once, answered in order",
            description = "Requires scope access:decision:request. Body: a JSON array of the single form. More than "
                    + "1,000 items: 413. Any invalid item: 400 listing every problem as [index].field, nothing "
                    + "decided. Audited as one access.decisions entry per batch, which lists every decision.")
    @ApiResponse(responseCode = "200", description = "The decisions, in the order of the questions",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = AccessDecisionResponse.class))))
    ResponseEntity<byte[]> decideAll(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = AccessDecisionRequest.class))))
            @RequestBody byte[] body, HttpServletRequest http) {
        permissions.require(AccessPermissions.DECISION_REQUEST);
        List<AccessDecisionRequest> questions = json.readBatch(body, DecisionRequests.MAX_BATCH, http);
        if (questions == null || questions.isEmpty()) {
            throw BaomiException.invalid("access-web.api.batch.empty");
        }
        if (questions.size() > DecisionRequests.MAX_BATCH) {
            throw new BatchTooLargeException(DecisionRequests.MAX_BATCH);
        }
        List<AccessDecision> decisions = policy.checkAll(requests.toRequests(questions, callingSystem(), true));
        return ResponseEntity.ok(json.writeAnswers(decisions, DecisionTexts.localeOf(http)));
    }

    private static String callingSystem() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof ApiTokenAuthentication api ? api.getPrincipal().client() : null;
    }

    /** A batch above the limit: 413 with a translated problem naming the limit. */
    static final class BatchTooLargeException extends RuntimeException {

        private final int limit;

        BatchTooLargeException(int limit) {
            super("batch too large", null, false, false);
            this.limit = limit;
        }

        int limit() {
            return limit;
        }
    }
}
