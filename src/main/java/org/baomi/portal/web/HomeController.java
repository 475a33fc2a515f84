package org.baomi.portal.web;

import java.util.Comparator;
import java.util.List;

import org.baomi.iam.CurrentUser;
import org.baomi.shared.Duty;
import org.baomi.shared.DutyProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: "my duties", what the signed-in person owes now (ORG-4). */
@Controller
class HomeController {

    private final CurrentUser currentUser;
    private final List<DutyProvider> providers;

    HomeController(CurrentUser currentUser, List<DutyProvider> providers) {
        this.currentUser = currentUser;
        this.providers = providers;
    }

    @GetMapping("/")
    String home(Model model) {
        long accountId = currentUser.require().accountId();
        List<Duty> duties = providers.stream().flatMap(p -> p.dutiesOf(accountId).stream())
                .sorted(Comparator.comparing(Duty::urgent).reversed()).toList();
        model.addAttribute("duties", duties);
        return "portal/home";
    }
}
