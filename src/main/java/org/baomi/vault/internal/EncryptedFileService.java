package org.baomi.vault.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.baomi.iam.CurrentUser;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.BaomiException;
import org.baomi.vault.EncryptedFiles;
import org.baomi.vault.FileOwner;
import org.baomi.vault.LevelMark;
import org.baomi.vault.MasterKeyProvider;
import org.baomi.vault.MasterKeyProvider.WrappedKey;
import org.baomi.vault.StoredFileInfo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link EncryptedFiles} on PostgreSQL (DOC-9, DOC-7); see the interface and docs/vault.md. */
@Service
class EncryptedFileService implements EncryptedFiles {

    private static final Pattern MEDIA_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}/"
            + "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}(;[ -~]{0,200})?");
    private static final int DATA_KEY_BYTES = 32;

    private final FileRows rows;
    private final SegmentStreams segments;
    private final MasterKeyProvider masterKeys;
    private final VaultAudit audit;
    private final VaultProperties properties;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    EncryptedFileService(FileRows rows, SegmentStreams segments, MasterKeyProvider masterKeys, VaultAudit audit,
            VaultProperties properties, CurrentUser currentUser, Clock clock) {
        this.rows = rows;
        this.segments = segments;
        this.masterKeys = masterKeys;
        this.audit = audit;
        this.properties = properties;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredFileInfo store(FileOwner owner, LevelMark mark, String mediaType, InputStream plaintext) {
        if (owner == null || mark == null || plaintext == null) {
            throw BaomiException.invalid("vault.file.incomplete");
        }
        if (mediaType == null || mediaType.length() > 100 || !MEDIA_TYPE.matcher(mediaType).matches()) {
            throw BaomiException.invalid("vault.media-type.invalid");
        }
        byte[] dataKey = new byte[DATA_KEY_BYTES];
        random.nextBytes(dataKey);
        byte[] noncePrefix = new byte[SegmentCipher.NONCE_PREFIX_BYTES];
        random.nextBytes(noncePrefix);
        FileHeader header = new FileHeader(rows.nextId(), properties.algorithm(), properties.segmentSize(),
                noncePrefix);
        byte[] contentKey = VaultKdf.contentKey(dataKey, header.algorithm().keyBytes());
        try {
            WrappedKey wrapped = masterKeys.wrap(dataKey, header.keyContext());
            rows.insertPending(header, owner, mark, mediaType, wrapped.wrapped(), wrapped.masterKeyVersion(),
                    clock.instant(), actorId());
            byte[] digest = header.digest();
            SegmentStreams.Written written;
            try {
                written = segments.write(header.fileId(),
                        () -> new SegmentCipher(header.algorithm(), contentKey, noncePrefix, digest),
                        header.segmentSize(), plaintext);
            } catch (SegmentStreams.InputFailedException e) {
                throw BaomiException.invalid("vault.file.unreadable-input");
            }
            rows.complete(header.fileId(), written.size(), written.segments(),
                    header.markMac(VaultKdf.markKey(dataKey), owner, mark, written.size(), written.segments()));
            audit.fileAction("vault.file.stored", header.fileId(), owner, mark.level(), Map.of("size", written.size(),
                    "algorithm", header.algorithm().name(), "masterKeyVersion", wrapped.masterKeyVersion()));
            return rows.find(header.fileId()).orElseThrow().info();
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    @Override
    @Transactional
    public void read(long fileId, FileOwner owner, LevelMark expectedMark, OutputStream out) {
        FileRow row = live(rows.find(fileId), fileId);
        byte[] dataKey = verified(row, owner, expectedMark);
        byte[] contentKey = VaultKdf.contentKey(dataKey, row.algorithm().keyBytes());
        Arrays.fill(dataKey, (byte) 0);
        audit.fileAction("vault.file.read", fileId, owner, expectedMark.level(), Map.of("size", row.plaintextSize()));
        try {
            byte[] digest = row.header().digest();
            segments.read(fileId, () -> new SegmentCipher(row.algorithm(), contentKey, row.noncePrefix(), digest),
                    row.segmentSize(), row.segmentCount(), out);
        } catch (SegmentCipher.SegmentTamperedException e) {
            throw tampered(row, owner, "vault.tamper.segment", Map.of("segment", e.index()));
        } catch (SegmentStreams.SegmentsAlteredException e) {
            throw tampered(row, owner, "vault.tamper.segments", Map.of("problem", e.getMessage()));
        } catch (SegmentStreams.OutputFailedException e) {
            throw BaomiException.invalid("vault.file.output-failed");
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void rebind(long fileId, FileOwner owner, LevelMark oldMark, LevelMark newMark) {
        if (newMark == null) {
            throw BaomiException.invalid("vault.level-mark.invalid");
        }
        FileRow row = live(rows.findForUpdate(fileId), fileId);
        byte[] dataKey = verified(row, owner, oldMark);
        try {
            rows.rebind(fileId, newMark, row.header().markMac(VaultKdf.markKey(dataKey), owner, newMark,
                    row.plaintextSize(), row.segmentCount()), clock.instant());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("oldLevel", oldMark.level().name());
        details.put("oldMarking", oldMark.marking());
        details.put("newLevel", newMark.level().name());
        details.put("newMarking", newMark.marking());
        audit.fileAction("vault.file.rebound", fileId, owner, newMark.level(), details);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void shred(long fileId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw BaomiException.invalid("vault.shred.reason-required");
        }
        FileRow row = live(rows.findForUpdate(fileId), fileId);
        rows.shred(fileId, clock.instant(), actorId(), reason.strip());
        audit.fileAction("vault.file.shredded", fileId, row.ownerOrNull(), row.level(),
                Map.of("reason", reason.strip(), "size", row.plaintextSize()));
    }

    @Override
    public Optional<StoredFileInfo> info(long fileId) {
        return rows.find(fileId).map(FileRow::info);
    }

    private static FileRow live(Optional<FileRow> found, long fileId) {
        FileRow row = found.orElseThrow(() -> BaomiException.notFound("vault.file.not-found", fileId));
        if (row.shredded()) {
            throw BaomiException.conflict("vault.file.shredded", fileId);
        }
        return row;
    }

    /**
     * The file's data key, once owner and mark are proven to be the ones bound to it (DOC-9): the stored columns must
     * match what the caller expects, the wrapped key must unwrap for this very file, and the MAC must verify.
     */
    private byte[] verified(FileRow row, FileOwner owner, LevelMark expectedMark) {
        if (owner == null || expectedMark == null) {
            throw BaomiException.invalid("vault.file.incomplete");
        }
        if (!owner.equals(row.ownerOrNull()) || !expectedMark.equals(row.markOrNull())) {
            throw tampered(row, owner, "vault.tamper.mark", Map.of("expectedLevel", expectedMark.level().name()));
        }
        byte[] dataKey;
        try {
            dataKey = masterKeys.unwrap(new WrappedKey(row.masterKeyVersion(), row.wrappedKey()),
                    row.header().keyContext());
        } catch (MasterKeyProvider.KeyUnwrapException e) {
            throw tampered(row, owner, "vault.tamper.key", Map.of("masterKeyVersion", row.masterKeyVersion()));
        }
        byte[] expected = row.header().markMac(VaultKdf.markKey(dataKey), owner, expectedMark, row.plaintextSize(),
                row.segmentCount());
        if (!VaultKdf.constantTimeEquals(expected, row.markMac())) {
            Arrays.fill(dataKey, (byte) 0);
            throw tampered(row, owner, "vault.tamper.header", Map.of());
        }
        return dataKey;
    }

    private BaomiException tampered(FileRow row, FileOwner owner, String reasonKey, Map<String, ?> extra) {
        audit.tampered(row.id(), owner, row.level(), reasonKey, extra);
        return BaomiException.forbidden("vault.file.tampered", row.id());
    }

    private Long actorId() {
        return currentUser.principal().map(StaffPrincipal::accountId).orElse(null);
    }
}
