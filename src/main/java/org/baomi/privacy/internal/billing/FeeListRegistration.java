package org.baomi.privacy.internal.billing;

import java.util.ArrayList;
import java.util.List;

import org.baomi.iam.DepartmentLookup;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ResourceRef;
import org.baomi.privacy.FeeListObjects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * PAT-3: every registered patient gets its fee list registered beside it ({@link FeeListObjects}), same id and
 * level, owned by the billing department (property {@code baomi.privacy.billing-department}, default
 * {@code FINANCE}). When that department does not exist the fee list has no department: then only a grant opens
 * it (deny by default).
 */
@Component
public class FeeListRegistration {

    private final DepartmentLookup departments;
    private final String billingDepartment;

    public FeeListRegistration(DepartmentLookup departments,
            @Value("${baomi.privacy.billing-department:FINANCE}") String billingDepartment) {
        this.departments = departments;
        this.billingDepartment = billingDepartment;
    }

    /**
     * The fee lists' objects of these patients' objects, for a {@code registerAll} of their own (the register takes
     * one type per batch).
     */
    public List<ProtectedObject> feeListsOf(List<ProtectedObject> patients) {
        if (patients.isEmpty()) {
            return List.of();
        }
        Long department = departments.byCode(billingDepartment).map(DepartmentLookup.Department::id).orElse(null);
        List<ProtectedObject> all = new ArrayList<>(patients.size());
        for (ProtectedObject p : patients) {
            if (ResourceRef.PATIENT.equals(p.ref().type())) {
                all.add(new ProtectedObject(new ResourceRef(FeeListObjects.TYPE, p.ref().id()), p.level(), department,
                        null));
            }
        }
        return all;
    }
}
