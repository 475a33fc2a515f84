package org.baomi.print;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The data of a destruction certificate (销毁证明, DOC-7): what was destroyed, how, where and when, under which
 * approval, and the two different named people who performed and confirmed it (两人监销).
 *
 * @param certificateNo  the certificate's number
 * @param items          the destroyed documents
 * @param method         the method (shredding, incineration, crypto-shredding), already translated
 * @param place          where it happened
 * @param destroyedAt    when
 * @param approvalNo     the approval's number
 * @param performedBy    who performed the destruction
 * @param confirmedBy    who watched and confirmed it; another person than {@code performedBy}
 */
public record DestructionCertificate(String certificateNo, List<Item> items, String method, String place,
        Instant destroyedAt, String approvalNo, String performedBy, String confirmedBy) {

    public DestructionCertificate {
        Objects.requireNonNull(certificateNo, "certificateNo");
        items = List.copyOf(items);
        Objects.requireNonNull(destroyedAt, "destroyedAt");
    }

    /** One destroyed document. */
    public record Item(String serialNo, String title, String levelMark, int copies) {
    }
}
