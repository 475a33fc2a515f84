package org.baomi.iam.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.baomi.iam.AccessGrant;
import org.baomi.iam.AccessPermissions;
import org.baomi.iam.AccessPerson;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.GrantAdministration;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.account.StaffNumbers;
import org.baomi.iam.internal.token.CallerPermissions;
import org.baomi.shared.BaomiException;
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
 * Explicit grants for other systems (ACC-4, ACC-6): the grants that work now on a person or an object (scope
 * {@link AccessPermissions#QUERY}), and revocation with a reason (scope {@link AccessPermissions#GRANT_MANAGE}).
 * {@link GrantAdministration} checks the scope and audits; errors are RFC 9457 problem details.
 */
@RestController
@RequestMapping(path = "/api/v1/access/grants", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Access grants", description = "Grants per person or object; revoke. Scopes access:query:read, access:grant:manage")
class GrantApiController {

    private final GrantAdministration grants;
    private final StaffNumbers staffNumbers;
    private final CallerPermissions permissions;

    GrantApiController(GrantAdministration grants, StaffNumbers staffNumbers, CallerPermissions permissions) {
        this.grants = grants;
        this.staffNumbers = staffNumbers;
        this.permissions = permissions;
    }

    /** A grant as the API lists it. */
    record Grant(long id, String staffNo, String fullName, String action, String resourceType, String resourceId,
            Instant expiresAt, String conditions, String approvalId) {
    }

    /** The body of a revocation. */
    record Revocation(String reason) {
    }

    @GetMapping
    @Operation(summary = "The grants that work now, of one person (person=staff number) or on one object (object=type:id)",
            description = "Requires scope access:query:read. Audited as access.grants.viewed.")
    List<Grant> list(@RequestParam(required = false) String person, @RequestParam(required = false) String object) {
        // Scope first: a caller without it learns nothing, not even whether its input was valid.
        permissions.require(AccessPermissions.QUERY);
        boolean byPerson = person != null && !person.isBlank();
        boolean byObject = object != null && !object.isBlank();
        if (byPerson == byObject) {
            throw new InvalidInputException(List.of(new FieldProblem("person", "access-web.api.grants.one-of")));
        }
        List<AccessGrant> found;
        if (byPerson) {
            long personId = staffNumbers.idOf(person.strip())
                    .orElseThrow(() -> BaomiException.notFound("access-web.api.person.unknown"));
            found = grants.activeOf(personId);
        } else {
            found = grants.activeOn(object(object.strip()));
        }
        return found.stream().map(this::row).toList();
    }

    @PostMapping(path = "/{id}/revoke", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Revoke a grant now, with a reason",
            description = "Requires scope access:grant:manage. Audited as access.grant.revoked. 204 when done (also "
                    + "for a grant revoked before); 404 for an unknown grant; 400 for a blank reason.")
    ResponseEntity<Void> revoke(@PathVariable long id, @RequestBody(required = false) Revocation body) {
        permissions.require(AccessPermissions.GRANT_MANAGE);
        String reason = body == null || body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty() || reason.length() > 500) {
            throw new InvalidInputException(List.of(new FieldProblem("reason", "access-web.grants.reason.required")));
        }
        grants.revoke(id, reason);
        return ResponseEntity.noContent().build();
    }

    private Grant row(AccessGrant g) {
        AccessPerson p = staffNumbers.personOf(g.personId()).orElse(new AccessPerson(g.personId(), "", ""));
        return new Grant(g.id(), p.staffNo(), p.fullName(), g.action().name(), g.resource().type(), g.resource().id(),
                g.expiresAt(), g.conditions(), g.sourceApprovalId());
    }

    private static ResourceRef object(String text) {
        int colon = text.indexOf(':');
        String type = colon < 0 ? "" : text.substring(0, colon);
        String id = colon < 0 ? "" : text.substring(colon + 1);
        if (!ResourceRef.TYPE_FORMAT.matcher(type).matches()) {
            throw new InvalidInputException(List.of(new FieldProblem("object", "access-web.api.resource-type.invalid")));
        }
        if (id.isBlank() || id.length() > 100) {
            throw new InvalidInputException(List.of(new FieldProblem("object", "access-web.api.resource-id.invalid")));
        }
        return new ResourceRef(type, id);
    }
}
