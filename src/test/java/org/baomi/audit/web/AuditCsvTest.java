package org.baomi.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void cellsThatASpreadsheetWouldEvaluateAreDefusedAUD2() {
        assertThat(AuditCsv.text("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(AuditCsv.text("+1")).isEqualTo("'+1");
        assertThat(AuditCsv.text("-1")).isEqualTo("'-1");
        assertThat(AuditCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.text("iam.login.failed")).isEqualTo("iam.login.failed");
        assertThat(AuditCsv.text(null)).isEmpty();
    }
}
