package org.baomi.approval.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.baomi.approval.ApprovalKind;
import org.baomi.approval.ApprovalKinds;
import org.baomi.approval.ApproverRule;
import org.baomi.approval.ChainStep;
import org.baomi.approval.FormField;
import org.baomi.iam.AccessAction;
import org.springframework.stereotype.Component;

/** The kinds registered at start-up, in memory (issue 4 item 1). */
@Component
class KindRegistry implements ApprovalKinds {

    static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9-]{1,59}$");
    private static final Pattern FIELD = Pattern.compile("^[a-z][a-z-]{0,39}$");

    private final Map<String, ApprovalKind> kinds = new ConcurrentHashMap<>();

    @Override
    public void register(ApprovalKind kind) {
        if (kind == null || kind.code() == null || !CODE.matcher(kind.code()).matches()) {
            throw new IllegalArgumentException("approval kind code must match " + CODE);
        }
        if (kind.defaultChain().isEmpty()) {
            throw new IllegalArgumentException("approval kind " + kind.code() + " needs a default chain");
        }
        for (ChainStep step : kind.defaultChain()) {
            if (step.rule() == ApproverRule.ROLE && (step.roleCode() == null || step.roleCode().isBlank())) {
                throw new IllegalArgumentException("role step without role in " + kind.code());
            }
        }
        for (FormField field : kind.fields()) {
            if (!FIELD.matcher(field.name()).matches() || field.maxLength() < 1 || field.maxLength() > 500) {
                throw new IllegalArgumentException("bad form field " + field.name() + " in " + kind.code());
            }
        }
        if (kind.grant() != null && (kind.grant().actions().isEmpty() || kind.grant().actions().contains(AccessAction.CREATE)
                || kind.grant().defaultDays() < 1 || kind.grant().maxDays() < kind.grant().defaultDays())) {
            throw new IllegalArgumentException("bad grant template in " + kind.code());
        }
        if (kinds.putIfAbsent(kind.code(), kind) != null) {
            throw new IllegalArgumentException("approval kind registered twice: " + kind.code());
        }
    }

    @Override
    public Optional<ApprovalKind> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(kinds.get(code));
    }

    @Override
    public List<ApprovalKind> all() {
        return kinds.values().stream().sorted(Comparator.comparing(ApprovalKind::code)).toList();
    }
}
