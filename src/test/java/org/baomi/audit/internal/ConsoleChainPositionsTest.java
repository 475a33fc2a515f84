package org.baomi.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.baomi.audit.AuditChainPosition.State;
import org.baomi.audit.ChainBreakage;
import org.baomi.audit.ChainPosition;
import org.baomi.audit.ChainProblem;
import org.baomi.audit.VerificationMode;
import org.baomi.audit.VerificationResult;
import org.junit.jupiter.api.Test;

class ConsoleChainPositionsTest {

    private static final Instant AT = Instant.parse("2026-11-22T06:00:00Z");

    private static ChainPosition sealedAt(long sequence, Boolean authentic) {
        return new ChainPosition(100, true, sequence, 1, "SM3", "aa", "bb", 1L, authentic);
    }

    private static VerificationResult run(boolean intact, long head, List<ChainProblem> problems) {
        return new VerificationResult(intact, VerificationMode.FULL, head, intact ? null : problems.get(0).sequence(),
                intact ? null : problems.get(0).breakage(), 7L, head, Duration.ofSeconds(1), AT, problems);
    }

    @Test
    void anEntryIsVerifiedOnlyWhenAnIntactRunReachedItAUD3() {
        assertThat(ConsoleChainPositions.stateOf(sealedAt(10, true), run(true, 10, List.of()))).isEqualTo(State.VERIFIED);
        assertThat(ConsoleChainPositions.stateOf(sealedAt(11, true), run(true, 10, List.of()))).isEqualTo(State.SEALED);
        assertThat(ConsoleChainPositions.stateOf(sealedAt(11, true), null)).isEqualTo(State.SEALED);
    }

    @Test
    void anEntryIsBrokenWhenItsMacFailedOrTheLatestRunNamedItAndOnlyThenAUD3() {
        ChainProblem problem = new ChainProblem(5, ChainBreakage.values()[0], "changed");
        VerificationResult broken = run(false, 20, List.of(problem));
        assertThat(ConsoleChainPositions.stateOf(sealedAt(5, true), broken)).isEqualTo(State.BROKEN);
        assertThat(ConsoleChainPositions.stateOf(sealedAt(6, true), broken)).isEqualTo(State.SEALED);
        assertThat(ConsoleChainPositions.stateOf(sealedAt(6, false), run(true, 20, List.of())))
                .isEqualTo(State.BROKEN);
    }
}
