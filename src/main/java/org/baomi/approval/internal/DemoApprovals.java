package org.baomi.approval.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.baomi.approval.SubmitApproval;
import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Demo mode only: a few requests of the demo hospital's cardiology staff, so that the inboxes of the head of
 * cardiology (H0075) and of the confidentiality office (H0010) show something on the first start (issue 4 item 4).
 * Made once per database, after the demo hospital and its protected objects, through the engine itself.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
@Conditional(DemoApprovals.DemoMode.class)
class DemoApprovals implements ApplicationRunner {

    private final ApprovalEngine engine;
    private final StaffLookup staff;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoApprovals(ApprovalEngine engine, StaffLookup staff, JdbcClient jdbc, MessageSource messages,
            PlatformTransactionManager transactions, Clock clock) {
        this.engine = engine;
        this.staff = staff;
        this.jdbc = jdbc;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(tx -> seed());
    }

    private void seed() {
        int marked = jdbc.sql("INSERT INTO apr_demo_marker (id, seeded_at) VALUES (1, :now) ON CONFLICT DO NOTHING")
                .param("now", RequestStore.ts(clock.instant())).update();
        if (marked == 0) {
            return;
        }
        Optional<StaffPrincipal> doctor = staff.activeByStaffNo("H0079");
        Optional<StaffPrincipal> officer = staff.activeByStaffNo("H0082");
        Optional<StaffPrincipal> nurse = staff.activeByStaffNo("H0084");
        Optional<StaffPrincipal> head = staff.activeByStaffNo("H0075");
        if (doctor.isEmpty() || officer.isEmpty() || nurse.isEmpty() || head.isEmpty()) {
            return;
        }
        engine.submitAs(doctor.get(), request(doctor.get(), "patient", "DEMO-PAT-005", "READ", 1, 3), null);
        engine.submitAs(officer.get(), request(officer.get(), "document", "DEMO-DOC-001", "EXPORT", 2, 2), null);
        long atOffice = engine.submitAs(nurse.get(), request(nurse.get(), "patient", "DEMO-PAT-003", "READ", 3, 5),
                null);
        engine.decideAs(head.get(), atOffice, true, text("approval.demo.comment"));
    }

    private SubmitApproval request(StaffPrincipal who, String type, String id, String action, int n, int days) {
        return new SubmitApproval(AccessApprovalKind.CODE, who.accountId(), type, id, action,
                text("approval.demo.reason." + n), days, Map.of());
    }

    /** Demo texts live in the base bundle (Simplified Chinese), as the demo hospital's data does. */
    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    /** As the demo hospital's condition: on with the embedded database unless switched off. */
    static class DemoMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String enabled = context.getEnvironment().getProperty("baomi.demo.enabled");
            if (StringUtils.hasText(enabled)) {
                return "true".equalsIgnoreCase(enabled.strip());
            }
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
