package org.baomi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void cellsThatASpreadsheetWouldEvaluateAreDefusedAUD2() {
        assertThat(CsvWriter.defused("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvWriter.defused("+1")).isEqualTo("'+1");
        assertThat(CsvWriter.defused("-1")).isEqualTo("'-1");
        assertThat(CsvWriter.defused("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.defused("iam.login.failed")).isEqualTo("iam.login.failed");
        assertThat(CsvWriter.defused(null)).isEmpty();
    }

    @Test
    void theFileIsUtf8AfterAByteOrderMarkWithEveryCellQuotedAndCrLfLineEnds() {
        byte[] file = new CsvWriter().line("\u5de5\u53f7", "say \"hi\"", null).line("=1+1", "a,b").toBytes();

        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(file, 3, file.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("\"\u5de5\u53f7\",\"say \"\"hi\"\"\",\"\"\r\n\"'=1+1\",\"a,b\"\r\n");
    }
}
