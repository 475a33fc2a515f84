package org.baomi.iam.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessHolder;
import org.baomi.iam.AccessPermissions;
import org.baomi.iam.AccessPerson;
import org.baomi.iam.AccessPolicies;
import org.baomi.iam.AccessPolicyRule;
import org.baomi.iam.AccessQueries;
import org.baomi.iam.AccessibleObject;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.ResultPage;
import org.baomi.iam.internal.account.StaffNumbers;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Htmx;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The confidentiality office's questions (issue 3 item 4): who can see this, and what can this person see,
 * answered by {@link AccessQueries} over the same rules as every decision, with CSV exports. Permission
 * {@link AccessPermissions#QUERY}, which no 三员 role holds (ORG-5); each question is audited by the queries.
 */
@Controller
@RequestMapping("/access")
class AccessOfficeController {

    static final int PAGE_SIZE = 50;
    /** Rows of a "what can" export at most: a person reaches a few thousand objects, rarely more. */
    static final int EXPORT_LIMIT = 20_000;

    private final AccessQueries queries;
    private final AccessPolicies policies;
    private final PermissionGuard guard;
    private final StaffNumbers staffNumbers;
    private final AccessCsv csv;

    AccessOfficeController(AccessQueries queries, AccessPolicies policies, PermissionGuard guard,
            StaffNumbers staffNumbers, AccessCsv csv) {
        this.queries = queries;
        this.policies = policies;
        this.guard = guard;
        this.staffNumbers = staffNumbers;
        this.csv = csv;
    }

    @GetMapping("/who-can")
    String whoCan(@ModelAttribute("query") AccessQueryForm query, BindingResult ignoredBadValues, Model model,
            HttpServletRequest request) {
        guard.require(AccessPermissions.QUERY);
        boolean asked = query.getType() != null || query.getId() != null;
        Map<String, String> problems = asked ? query.objectProblems() : Map.of();
        model.addAttribute("problems", problems);
        if (asked && problems.isEmpty()) {
            model.addAttribute("holders", queries.whoCanAccess(query.resource(), query.action()));
        }
        if (Htmx.wantsPart(request)) {
            return "access/who-can :: results";
        }
        addChoices(model);
        return "access/who-can";
    }

    @PostMapping("/who-can/export")
    ResponseEntity<byte[]> exportWhoCan(@ModelAttribute("query") AccessQueryForm query, BindingResult ignoredBadValues,
            Locale locale) {
        guard.require(AccessPermissions.QUERY);
        if (!query.objectProblems().isEmpty()) {
            throw BaomiException.invalid("access-web.query.incomplete");
        }
        List<AccessHolder> holders = queries.whoCanAccess(query.resource(), query.action());
        return csvFile("who-can-" + query.getType() + ".csv", csv.holders(holders, locale));
    }

    @GetMapping("/what-can")
    String whatCan(@ModelAttribute("query") AccessQueryForm query, BindingResult ignoredBadValues, Model model,
            HttpServletRequest request) {
        guard.require(AccessPermissions.QUERY);
        boolean asked = query.getStaffNo() != null || query.getType() != null;
        Map<String, String> problems = asked ? new LinkedHashMap<>(query.personProblems()) : Map.of();
        Optional<AccessPerson> person = Optional.empty();
        if (asked && problems.isEmpty()) {
            person = staffNumbers.personOf(query.getStaffNo());
            if (person.isEmpty()) {
                problems.put("staffNo", "access-web.api.person.unknown");
            }
        }
        model.addAttribute("problems", problems);
        if (person.isPresent()) {
            model.addAttribute("person", person.get());
            model.addAttribute("results", queries.whatCanAccess(person.get().personId(), query.action(),
                    query.getType(), query.getPage(), PAGE_SIZE));
        }
        if (Htmx.wantsPart(request)) {
            return "access/what-can :: results";
        }
        addChoices(model);
        return "access/what-can";
    }

    @PostMapping("/what-can/export")
    ResponseEntity<byte[]> exportWhatCan(@ModelAttribute("query") AccessQueryForm query, BindingResult ignoredBadValues,
            Locale locale) {
        guard.require(AccessPermissions.QUERY);
        Optional<AccessPerson> person = query.personProblems().isEmpty()
                ? staffNumbers.personOf(query.getStaffNo()) : Optional.empty();
        if (person.isEmpty()) {
            throw BaomiException.invalid("access-web.query.incomplete");
        }
        List<AccessibleObject> all = new ArrayList<>();
        int page = 0;
        ResultPage<AccessibleObject> result;
        do {
            result = queries.whatCanAccess(person.get().personId(), query.action(), query.getType(), page++, 500);
            all.addAll(result.rows());
        } while (!result.rows().isEmpty() && all.size() < Math.min(result.total(), EXPORT_LIMIT));
        return csvFile("what-can-" + person.get().staffNo() + ".csv", csv.objects(all, locale));
    }

    /** The object types the policy knows, and the actions, for the pickers. */
    private void addChoices(Model model) {
        TreeSet<String> types = new TreeSet<>();
        for (AccessPolicyRule rule : policies.current().rules()) {
            types.add(rule.resourceType());
        }
        model.addAttribute("types", types);
        model.addAttribute("actions", AccessAction.values());
    }

    private static ResponseEntity<byte[]> csvFile(String filename, byte[] content) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(content);
    }
}
