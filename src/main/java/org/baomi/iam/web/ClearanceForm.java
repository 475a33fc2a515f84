package org.baomi.iam.web;

import org.baomi.shared.SecretLevel;

/** A new clearance, with the version it was read at. */
public class ClearanceForm {

    private Integer version;
    private SecretLevel clearance;

    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public SecretLevel getClearance() { return clearance; }
    public void setClearance(SecretLevel clearance) { this.clearance = clearance; }
}
