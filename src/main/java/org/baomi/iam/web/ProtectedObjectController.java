package org.baomi.iam.web;

import org.baomi.iam.AccessPolicy;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.OrganisationQueries;
import org.baomi.iam.OrganisationUnit;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.BaomiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * One protected object as the register knows it — type, id, level, owning department — shown only after an audited
 * READ decision ({@link AccessPolicy#require}, ACC-1, ACC-4). A refusal shows the denial page with its "request
 * access" button, which leads to the approval engine's form (issue 4); the documents and privacy modules will show
 * their own content behind the same decision.
 */
@Controller
@RequestMapping("/access/objects")
class ProtectedObjectController {

    private final AccessPolicy policy;
    private final ProtectedObjects objects;
    private final OrganisationQueries organisation;
    private final CurrentUser currentUser;

    ProtectedObjectController(AccessPolicy policy, ProtectedObjects objects, OrganisationQueries organisation,
            CurrentUser currentUser) {
        this.policy = policy;
        this.objects = objects;
        this.organisation = organisation;
        this.currentUser = currentUser;
    }

    @GetMapping("/{type}/{id}")
    String show(@PathVariable String type, @PathVariable String id, Model model) {
        StaffPrincipal me = currentUser.require();
        ResourceRef ref = new ResourceRef(type, id);
        policy.require(AccessRequest.read(me.accountId(), ref));
        ProtectedObject object = objects.find(ref).orElseThrow(() -> BaomiException.notFound("error.not-found"));
        model.addAttribute("object", object);
        model.addAttribute("department", object.departmentId() == null ? null : organisation.departments().stream()
                .filter(d -> d.id() == object.departmentId()).map(OrganisationUnit::name).findFirst().orElse(null));
        return "access/object";
    }
}
