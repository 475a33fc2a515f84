package org.baomi.monitor.internal.cases;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The tunable numbers of the cases (issue 7 item 4): step deadlines, the grouping rule's thresholds and the risk
 * score's half-life. Defaults suit a hospital of a few thousand staff; the office tunes them in the configuration.
 */
@Component
class CaseSettings {

    /** The grouping rule looks back this far for a person's open alerts. */
    static final Duration GROUP_WINDOW = Duration.ofDays(30);
    /** The risk score counts alerts of this period only. */
    static final Duration RISK_WINDOW = Duration.ofDays(90);

    final Duration triageDeadline;
    final Duration explanationDeadline;
    final Duration interviewDeadline;
    final BigDecimal highScore;
    final int groupCount;
    final BigDecimal groupScore;
    final Duration riskHalfLife;

    CaseSettings(@Value("${baomi.monitor.cases.deadline.triage:P3D}") Duration triageDeadline,
            @Value("${baomi.monitor.cases.deadline.explanation:P7D}") Duration explanationDeadline,
            @Value("${baomi.monitor.cases.deadline.interview:P14D}") Duration interviewDeadline,
            @Value("${baomi.monitor.cases.high-score:80}") BigDecimal highScore,
            @Value("${baomi.monitor.cases.group-count:3}") int groupCount,
            @Value("${baomi.monitor.cases.group-score:100}") BigDecimal groupScore,
            @Value("${baomi.monitor.cases.risk-half-life:P14D}") Duration riskHalfLife) {
        if (groupCount < 2 || riskHalfLife.isNegative() || riskHalfLife.isZero()) {
            throw new IllegalArgumentException("baomi.monitor.cases: group-count must be at least 2 and the risk "
                    + "half-life positive");
        }
        this.triageDeadline = triageDeadline;
        this.explanationDeadline = explanationDeadline;
        this.interviewDeadline = interviewDeadline;
        this.highScore = highScore;
        this.groupCount = groupCount;
        this.groupScore = groupScore;
        this.riskHalfLife = riskHalfLife;
    }

    /** The half-life in days, as the SQL of the risk score takes it. */
    double halfLifeDays() {
        return riskHalfLife.toSeconds() / 86_400.0;
    }
}
