package org.baomi.vault;

import java.nio.charset.StandardCharsets;

import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;

/**
 * The classification mark a file carries (CLS-4): its level and the printed marking, for instance the level with its
 * confidentiality period ("机密★10年" as the document register prints it). Both are bound to the file by a keyed MAC,
 * so that reading a file under another mark than the one it was stored or lawfully re-bound with is refused as
 * tampering (DOC-9).
 *
 * @param level   the level; audit records of the file carry it
 * @param marking the full printed mark, 1 to 200 characters without control characters
 */
public record LevelMark(SecretLevel level, String marking) {

    /**
     * @throws BaomiException INVALID ({@code vault.level-mark.invalid}) without a level or with a malformed marking
     */
    public LevelMark {
        if (level == null || marking == null || marking.isBlank() || marking.length() > 200
                || marking.chars().anyMatch(Character::isISOControl)) {
            throw BaomiException.invalid("vault.level-mark.invalid");
        }
    }

    /** The bytes the MAC covers: level name and marking, unambiguous because neither holds a control character. */
    public byte[] canonicalBytes() {
        return (level.name() + '\u0001' + marking).getBytes(StandardCharsets.UTF_8);
    }
}
