package org.baomi.privacy.internal.selfservice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baomi.iam.DepartmentLookup;
import org.baomi.iam.LocalizedName;
import org.baomi.privacy.SelfServiceFees;
import org.springframework.stereotype.Component;

/** A patient's own fee lists (ACC-5) from the directory: encounters with their itemised charges, no diagnoses. */
@Component
class FeeLists {

    private final SelfServiceStore store;
    private final DepartmentLookup departments;

    FeeLists(SelfServiceStore store, DepartmentLookup departments) {
        this.store = store;
        this.departments = departments;
    }

    SelfServiceFees of(SelfServiceStore.Patient patient, Locale locale) {
        Map<Long, LocalizedName> names = departments.names();
        Map<Long, List<SelfServiceStore.Charge>> charges = store.charges(patient.id());
        List<SelfServiceFees.Encounter> encounters = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (SelfServiceStore.Encounter e : store.encounters(patient.id())) {
            List<SelfServiceFees.Charge> lines = charges.getOrDefault(e.id(), List.of()).stream()
                    .map(c -> new SelfServiceFees.Charge(c.itemCode(), c.itemName(), c.category(), c.quantity(),
                            c.unitPrice(), c.amount(), c.date()))
                    .toList();
            BigDecimal sum = lines.stream().map(SelfServiceFees.Charge::amount).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            LocalizedName department = names.get(e.departmentId());
            encounters.add(new SelfServiceFees.Encounter(e.id(), e.encounterClass(),
                    department == null ? "" : department.in(locale), e.start(), e.end(), lines, sum));
            total = total.add(sum);
        }
        return new SelfServiceFees(patient.id(), patient.mrn(), patient.name(), encounters, total);
    }
}
