package org.baomi.approval.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.baomi.approval.ApprovalChains;
import org.baomi.approval.ApprovalKinds;
import org.baomi.approval.ApprovalPermissions;
import org.baomi.approval.ApproverRule;
import org.baomi.approval.ChainConfiguration;
import org.baomi.approval.ChainStep;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.RoleHolders;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Notice;
import org.baomi.shared.SecretLevel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security administrator's chain configuration (issue 4 item 1): every kind with its chain in force, and a
 * form per kind with up to six steps (rule, role, minimum level, deadline), the escalation role and a reason;
 * each save is a new version, audited by the module API. The CLS-3 rule (绝密 reaches the president) is stated on
 * the page and enforced by the engine whatever is saved.
 */
@Controller
@RequestMapping("/approvals/chains")
class ApprovalChainController {

    static final int ROWS = 6;

    private final ApprovalChains chains;
    private final ApprovalKinds kinds;
    private final RoleHolders roles;
    private final PermissionGuard guard;

    ApprovalChainController(ApprovalChains chains, ApprovalKinds kinds, RoleHolders roles, PermissionGuard guard) {
        this.chains = chains;
        this.kinds = kinds;
        this.roles = roles;
        this.guard = guard;
    }

    @GetMapping
    String list(Model model) {
        guard.require(ApprovalPermissions.CHAIN_MANAGE);
        List<ChainConfiguration> current = new ArrayList<>();
        kinds.all().forEach(k -> current.add(chains.current(k.code())));
        model.addAttribute("chains", current);
        return "approval/chains";
    }

    @GetMapping("/{kind}")
    String edit(@PathVariable String kind, Model model) {
        guard.require(ApprovalPermissions.CHAIN_MANAGE);
        ChainConfiguration current = chains.current(kind);
        List<StepRow> rows = new ArrayList<>();
        for (ChainStep step : current.steps()) {
            rows.add(new StepRow(step.rule().name(), step.roleCode(), step.minLevel() == null ? "" : step.minLevel().name(),
                    Integer.toString(step.deadlineHours())));
        }
        return page(model, kind, rows, current.escalationRole(), "", current.version(), List.of());
    }

    @PostMapping("/{kind}")
    String save(@PathVariable String kind, @RequestParam(name = "rule", required = false) List<String> rules,
            @RequestParam(name = "roleCode", required = false) List<String> roleCodes,
            @RequestParam(name = "minLevel", required = false) List<String> minLevels,
            @RequestParam(name = "deadlineHours", required = false) List<String> deadlines,
            @RequestParam(required = false) String escalationRole, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String version, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        guard.require(ApprovalPermissions.CHAIN_MANAGE);
        List<StepRow> rows = new ArrayList<>();
        List<ChainStep> steps = new ArrayList<>();
        List<FieldProblem> unparsable = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String rule = at(rules, i);
            StepRow row = new StepRow(rule, at(roleCodes, i), at(minLevels, i), at(deadlines, i));
            rows.add(row);
            if (rule.isBlank()) {
                continue;
            }
            ApproverRule parsedRule = parse(ApproverRule.class, rule);
            SecretLevel level = row.minLevel().isBlank() ? null : parse(SecretLevel.class, row.minLevel());
            Long hours = ApprovalWeb.number(row.deadlineHours());
            if (parsedRule == null || (!row.minLevel().isBlank() && level == null) || hours == null) {
                unparsable.add(new FieldProblem("steps[" + i + "]", "approval.chain.error.row", steps.size() + 1));
                continue;
            }
            steps.add(new ChainStep(parsedRule, row.roleCode().isBlank() ? null : row.roleCode().strip(), level,
                    (int) Math.min(hours, 100_000)));
        }
        Long expected = ApprovalWeb.number(version);
        try {
            if (!unparsable.isEmpty()) {
                throw new InvalidInputException(unparsable);
            }
            int saved = chains.configure(kind, steps, escalationRole, reason, expected == null ? -1 : expected.intValue());
            redirect.addFlashAttribute("notice", Notice.success("approval.notice.chain-saved", saved));
            return "redirect:/approvals/chains/" + kind;
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, kind, rows, escalationRole, reason, expected == null ? -1 : expected.intValue(),
                    invalid.problems());
        } catch (BaomiException e) {
            if (e.kind() != BaomiException.Kind.CONFLICT) {
                throw e;
            }
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(model, kind, rows, escalationRole, reason, expected == null ? -1 : expected.intValue(),
                    List.of(new FieldProblem("version", e.messageKey())));
        }
    }

    /** One row of the form, as typed. */
    public record StepRow(String rule, String roleCode, String minLevel, String deadlineHours) {
    }

    private String page(Model model, String kind, List<StepRow> rows, String escalationRole, String reason,
            int version, List<FieldProblem> problems) {
        List<StepRow> padded = new ArrayList<>(rows);
        while (padded.size() < ROWS) {
            padded.add(new StepRow("", "", "", "48"));
        }
        model.addAttribute("kind", kinds.find(kind).orElseThrow(() -> BaomiException.notFound("approval.error.kind-unknown")));
        model.addAttribute("rows", padded.subList(0, ROWS));
        model.addAttribute("escalationRole", escalationRole);
        model.addAttribute("reason", reason);
        model.addAttribute("version", version);
        model.addAttribute("problems", problems);
        model.addAttribute("rules", ApproverRule.values());
        model.addAttribute("levels", SecretLevel.values());
        model.addAttribute("roles", roles.businessRoles());
        model.addAttribute("history", chains.history(kind));
        return "approval/chain-edit";
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i).strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
