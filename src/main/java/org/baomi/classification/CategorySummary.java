package org.baomi.classification;

import org.baomi.iam.LocalizedName;
import org.baomi.shared.SecretLevel;

/**
 * One category of the scope catalogue (CLS-6) with its defaults (CLS-2, CLS-4, CLS-5).
 *
 * @param code          stable code ("MGMT-SALARY"), upper case
 * @param domainCode    code of its domain ("MGMT")
 * @param notSecret     CLS-5: never a hospital secret; the default level is 内部 or 公开
 * @param active        false once deactivated; deactivated categories are kept, never deleted
 * @param version       for optimistic locking of edits
 */
public record CategorySummary(String code, String domainCode, LocalizedName domainName, LocalizedName name,
        LocalizedName description, SecretLevel defaultLevel, ConfidentialityPeriod defaultPeriod,
        LocalizedName protection, boolean notSecret, boolean active, int sortOrder, int version) {
}
