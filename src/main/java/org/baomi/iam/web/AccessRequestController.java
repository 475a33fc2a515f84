package org.baomi.iam.web;

import org.baomi.iam.AccessAction;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.ResourceRef;
import org.baomi.shared.BaomiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where the denial page's request-access button leads (issue 3 item 2, ACC-4): what the request would be (object,
 * action, requester). The approval engine that turns it into a grant is the next issue; until then the page says so
 * and submits nothing.
 */
@Controller
@RequestMapping("/access/requests")
class AccessRequestController {

    private final CurrentUser currentUser;

    AccessRequestController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GetMapping("/new")
    String newRequest(@RequestParam(required = false) String type, @RequestParam(required = false) String id,
            @RequestParam(required = false) String action, Model model) {
        AccessAction parsed = DecisionRequests.action(action);
        if (type == null || !ResourceRef.TYPE_FORMAT.matcher(type).matches() || id == null || id.isBlank()
                || id.length() > 100 || parsed == null) {
            throw BaomiException.invalid("access-web.request.incomplete");
        }
        model.addAttribute("requester", currentUser.require());
        model.addAttribute("resource", new ResourceRef(type, id));
        model.addAttribute("action", parsed);
        return "access/request-new";
    }
}
