package org.baomi.document.internal;

import java.util.Locale;

import org.baomi.document.ConfidentialityTerm;
import org.baomi.document.DocumentMarks;
import org.baomi.shared.SecretLevel;
import org.baomi.vault.EncryptedFiles;
import org.baomi.vault.FileOwner;
import org.baomi.vault.LevelMark;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The level mark a document's electronic file is bound to in the vault (DOC-9, CLS-4): the level and the printed
 * "level★period" in the base language, computed from the register's row. Reading the file under the mark its row
 * gives now means that a level changed in the database without {@link #levelChanged} is refused as tampering.
 */
@Component
class FileMarks {

    static final String OWNER_TYPE = "document";

    private final MessageSource messages;
    private final EncryptedFiles vault;

    FileMarks(MessageSource messages, EncryptedFiles vault) {
        this.messages = messages;
        this.vault = vault;
    }

    LevelMark of(SecretLevel level, ConfidentialityTerm term) {
        // The base bundle, whatever the reader's language: the bound mark must not depend on who reads.
        return new LevelMark(level, messages.getMessage(DocumentMarks.of(level, term), Locale.SIMPLIFIED_CHINESE));
    }

    static FileOwner owner(long documentId) {
        return new FileOwner(OWNER_TYPE, Long.toString(documentId));
    }

    /**
     * Every lawful change of a document's level or period (a designee's downgrade or extension, CLS-3, CLS-4) calls
     * this in its transaction, after updating the row, so that the file stays readable under the new mark; without
     * it the next read is refused as tampering. Does nothing for a document without a file or when the mark's text
     * does not change.
     */
    void levelChanged(long documentId, Long fileId, SecretLevel oldLevel, ConfidentialityTerm oldTerm,
            SecretLevel newLevel, ConfidentialityTerm newTerm) {
        if (fileId == null) {
            return;
        }
        LevelMark before = of(oldLevel, oldTerm);
        LevelMark after = of(newLevel, newTerm);
        if (!before.equals(after)) {
            vault.rebind(fileId, owner(documentId), before, after);
        }
    }
}
