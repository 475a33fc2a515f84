package org.baomi.iam.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessHolder;
import org.baomi.iam.AccessPermissions;
import org.baomi.iam.AccessQueries;
import org.baomi.iam.AccessibleObject;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.ResultPage;
import org.baomi.iam.internal.account.StaffNumbers;
import org.baomi.iam.internal.token.CallerPermissions;
import org.baomi.shared.BaomiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The confidentiality office's reverse questions for other systems (issue 3 item 4): who can reach this object,
 * what can this person reach. Permission or scope {@link org.baomi.iam.AccessPermissions#QUERY}, checked and the
 * question audited by {@link AccessQueries}.
 */
@RestController
@RequestMapping(path = "/api/v1/access", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Access queries", description = "Who can see this, what can this person see. Scope access:query:read")
class AccessQueryApiController {

    private final AccessQueries queries;
    private final StaffNumbers staffNumbers;
    private final CallerPermissions permissions;

    AccessQueryApiController(AccessQueries queries, StaffNumbers staffNumbers, CallerPermissions permissions) {
        this.queries = queries;
        this.staffNumbers = staffNumbers;
        this.permissions = permissions;
    }

    /** A holder as the API lists them. */
    record Holder(String staffNo, String fullName, String basis, Long grantId) {
    }

    /** An object as the API lists them. */
    record Reachable(String type, String id, String level, String basis, Long grantId) {
    }

    /** One page of objects. */
    record ObjectPage(List<Reachable> items, int page, int size, long total) {
    }

    @GetMapping("/objects/{type}/{id}/holders")
    @Operation(summary = "Everyone who may do the action on the object now, and why",
            description = "Requires scope access:query:read. Audited as access.query.who-can.")
    List<Holder> holders(@PathVariable String type, @PathVariable String id,
            @RequestParam(defaultValue = "READ") String action) {
        // Scope first: a caller without it learns nothing, not even whether its input was valid.
        permissions.require(AccessPermissions.QUERY);
        ResourceRef ref = resource(type, id);
        List<AccessHolder> holders = queries.whoCanAccess(ref, action(action));
        return holders.stream().map(h -> new Holder(h.person().staffNo(), h.person().fullName(), h.basis().name(),
                h.grantId())).toList();
    }

    @GetMapping("/people/{staffNo}/objects")
    @Operation(summary = "The objects of a type the person may act on now, and why, by page",
            description = "Requires scope access:query:read. Audited as access.query.what-can.")
    ObjectPage objects(@PathVariable String staffNo, @RequestParam(defaultValue = "READ") String action,
            @RequestParam String type, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        permissions.require(AccessPermissions.QUERY);
        if (!ResourceRef.TYPE_FORMAT.matcher(type).matches()) {
            throw new InvalidInputException(List.of(new FieldProblem("type", "access-web.api.resource-type.invalid")));
        }
        if (page < 0 || size < 1 || size > 500) {
            throw new InvalidInputException(List.of(new FieldProblem("size", "access-web.api.page.invalid", 500)));
        }
        AccessAction act = action(action);
        long personId = staffNumbers.idOf(staffNo)
                .orElseThrow(() -> BaomiException.notFound("access-web.api.person.unknown"));
        ResultPage<AccessibleObject> result = queries.whatCanAccess(personId, act, type, page, size);
        return new ObjectPage(result.rows().stream().map(o -> new Reachable(o.ref().type(), o.ref().id(),
                o.level().name(), o.basis().name(), o.grantId())).toList(), result.page(), result.size(), result.total());
    }

    private static ResourceRef resource(String type, String id) {
        if (!ResourceRef.TYPE_FORMAT.matcher(type).matches()) {
            throw new InvalidInputException(List.of(new FieldProblem("type", "access-web.api.resource-type.invalid")));
        }
        if (id.isBlank() || id.length() > 100) {
            throw new InvalidInputException(List.of(new FieldProblem("id", "access-web.api.resource-id.invalid")));
        }
        return new ResourceRef(type, id);
    }

    private static AccessAction action(String code) {
        AccessAction action = DecisionRequests.action(code);
        if (action == null) {
            throw new InvalidInputException(List.of(new FieldProblem("action", "access-web.api.action.unknown")));
        }
        return action;
    }
}
