package org.baomi.classification.web;

import java.util.ArrayList;
import java.util.List;

import org.baomi.classification.LevelDefinition;
import org.baomi.classification.LevelDraft;
import org.baomi.iam.FieldProblem;

/** A level's definition as edited on the form (CLS-2, CLS-7). */
public class LevelForm {

    private Integer version;
    private String harmZh;
    private String harmEn;
    private String maxPeriodYears;
    private String storageZh;
    private String storageEn;
    private String transferZh;
    private String transferEn;
    private String copyingZh;
    private String copyingEn;
    private String destructionZh;
    private String destructionEn;
    private String reason;

    static LevelForm of(LevelDefinition l) {
        LevelForm f = new LevelForm();
        f.version = l.version();
        f.harmZh = l.harm().zh();
        f.harmEn = l.harm().en();
        f.maxPeriodYears = l.maxPeriodYears() == null ? "" : l.maxPeriodYears().toString();
        f.storageZh = l.protection().storage().zh();
        f.storageEn = l.protection().storage().en();
        f.transferZh = l.protection().transfer().zh();
        f.transferEn = l.protection().transfer().en();
        f.copyingZh = l.protection().copying().zh();
        f.copyingEn = l.protection().copying().en();
        f.destructionZh = l.protection().destruction().zh();
        f.destructionEn = l.protection().destruction().en();
        return f;
    }

    LevelDraft toDraft() {
        return new LevelDraft(harmZh, harmEn, FormValues.integer(maxPeriodYears), storageZh, storageEn, transferZh,
                transferEn, copyingZh, copyingEn, destructionZh, destructionEn);
    }

    List<FieldProblem> unparsable() {
        List<FieldProblem> problems = new ArrayList<>();
        FormValues.checkInteger(maxPeriodYears, "maxPeriodYears", problems);
        return problems;
    }

    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public String getHarmZh() { return harmZh; }
    public void setHarmZh(String harmZh) { this.harmZh = harmZh; }
    public String getHarmEn() { return harmEn; }
    public void setHarmEn(String harmEn) { this.harmEn = harmEn; }
    public String getMaxPeriodYears() { return maxPeriodYears; }
    public void setMaxPeriodYears(String maxPeriodYears) { this.maxPeriodYears = maxPeriodYears; }
    public String getStorageZh() { return storageZh; }
    public void setStorageZh(String storageZh) { this.storageZh = storageZh; }
    public String getStorageEn() { return storageEn; }
    public void setStorageEn(String storageEn) { this.storageEn = storageEn; }
    public String getTransferZh() { return transferZh; }
    public void setTransferZh(String transferZh) { this.transferZh = transferZh; }
    public String getTransferEn() { return transferEn; }
    public void setTransferEn(String transferEn) { this.transferEn = transferEn; }
    public String getCopyingZh() { return copyingZh; }
    public void setCopyingZh(String copyingZh) { this.copyingZh = copyingZh; }
    public String getCopyingEn() { return copyingEn; }
    public void setCopyingEn(String copyingEn) { this.copyingEn = copyingEn; }
    public String getDestructionZh() { return destructionZh; }
    public void setDestructionZh(String destructionZh) { this.destructionZh = destructionZh; }
    public String getDestructionEn() { return destructionEn; }
    public void setDestructionEn(String destructionEn) { this.destructionEn = destructionEn; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
