package org.baomi.audit.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.baomi.audit.AuditVerification;
import org.baomi.audit.ChainProblem;
import org.baomi.audit.VerificationMode;
import org.baomi.audit.VerificationResult;
import org.baomi.shared.BaomiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verification of the audit chain for monitoring and external auditors (AUD-3, AUD-4). The scope
 * {@code audit:chain:verify} is checked, and the run audited, by {@link AuditVerification}.
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit chain", description = "Verification of the tamper-evident audit trail")
class ChainApiController {

    private final AuditVerification verification;

    ChainApiController(AuditVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/verification")
    @Operation(summary = "Verify the audit chain now",
            description = "Requires scope audit:chain:verify. mode=incremental (default) goes on from the newest anchor"
                    + " an earlier intact run covered; mode=full checks every entry (one seal MAC per batch);"
                    + " mode=deep also every entry's MAC. Answers when the run ends.")
    VerificationResponse verify(@RequestParam(name = "mode", required = false) String mode) {
        return VerificationResponse.of(verification.verify(parseMode(mode)));
    }

    static VerificationMode parseMode(String mode) {
        if (mode == null || mode.isBlank()) {
            return VerificationMode.INCREMENTAL;
        }
        try {
            return VerificationMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw BaomiException.invalid("audit.chain.error.mode");
        }
    }

    /**
     * The result of a run.
     *
     * @param intact              no problem found
     * @param firstBrokenSequence the lowest broken sequence number, null when intact
     * @param anchorId            the anchor the run started from, or the newest one it checked
     */
    record VerificationResponse(boolean intact, String mode, long entriesChecked, Long firstBrokenSequence,
            String breakage, Long anchorId, long verifiedToSequence, long durationMillis, Instant finishedAt,
            List<ChainProblem> problems) {

        static VerificationResponse of(VerificationResult r) {
            return new VerificationResponse(r.intact(), r.mode().name(), r.entriesChecked(), r.firstBrokenSequence(),
                    r.breakage() == null ? null : r.breakage().name(), r.anchorId(), r.verifiedToSequence(),
                    r.duration().toMillis(), r.finishedAt(), r.problems());
        }
    }
}
