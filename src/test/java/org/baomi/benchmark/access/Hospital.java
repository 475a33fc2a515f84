package org.baomi.benchmark.access;

import java.util.List;
import java.util.Set;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessPolicyRule;
import org.baomi.iam.AdminKind;
import org.baomi.iam.ResourceRef;
import org.baomi.shared.SecretLevel;

/**
 * A synthetic hospital as plain arrays (one slot per person, object, relationship), built by
 * {@link HospitalGenerator}. Engine-neutral: {@link BaomiEngine}, {@link CasbinEngine} and the database loader of
 * the HTTP benchmark each turn the same arrays into their own model, so every engine decides on exactly the same
 * hospital. Nothing here is secret or real.
 *
 * <p>Ids: person {@code i} (0-based) has account id {@code personIdBase + i}; document {@code i} is
 * {@code document:D<i>}, patient {@code i} is {@code patient:P<i>}; departments are {@code 1..departments}.
 * Times are epoch milliseconds; {@link #OPEN} marks an encounter that has not ended.
 */
final class Hospital {

    /** "Until" of an open encounter. */
    static final long OPEN = Long.MAX_VALUE;
    /** "No custodian". */
    static final long NONE = Long.MIN_VALUE;
    static final SecretLevel[] LEVELS = SecretLevel.values();
    static final AccessAction[] ACTIONS = AccessAction.values();
    static final AdminKind[] ADMIN_KINDS = AdminKind.values();

    final long seed;
    final double scale;
    /** "Now" of the whole benchmark: encounters, grants and sessions are laid out around it. */
    final long now;
    final long personIdBase;
    final List<AccessPolicyRule> policy;

    // departments 1..n: codes and whether they treat patients
    final String[] departmentCodes;
    final boolean[] clinicalDepartment;

    // staff
    final int staff;
    final String[] postOf;
    final byte[] clearance;
    /** -1: not an administrator; else the ordinal of {@link AdminKind} (三员, ORG-5). */
    final byte[] adminKind;
    final boolean[] medical;
    final boolean[] active;
    /** PPL-1/2: confidentiality agreement or training outstanding: held to 内部. */
    final boolean[] held;
    final int[] department;
    /** Index into {@link #roleNames} / {@link #rolePermissions}. */
    final int[] role;
    final String[] roleNames;
    final List<Set<String>> rolePermissions;

    // documents
    final int documents;
    final byte[] documentLevel;
    final int[] documentDepartment;
    /** Account id or {@link #NONE}. */
    final long[] documentCustodian;
    /** Account ids (DOC-5), possibly empty. */
    final long[][] documentDistribution;

    // patients
    final int patients;
    final byte[] patientLevel;
    final int[] patientDepartment;

    // care relationships (encounters)
    final int care;
    final long[] carePerson;
    final int[] carePatient;
    final long[] careFrom;
    /** End of the encounter or {@link #OPEN}. */
    final long[] careUntil;

    // grants
    final int grants;
    final long[] grantPerson;
    final byte[] grantAction;
    /** true: a patient, false: a document. */
    final boolean[] grantOnPatient;
    final int[] grantObject;
    final long[] grantExpires;
    /** Revoked grants stay in the data (records that matter are never deleted) but work no more. */
    final boolean[] grantRevoked;

    // break-the-glass sessions, on patients
    final int glass;
    final long[] glassPerson;
    final int[] glassPatient;
    final long[] glassOpened;
    final long[] glassExpires;

    Hospital(HospitalGenerator g) {
        seed = g.seed;
        scale = g.scale;
        now = g.now;
        personIdBase = g.personIdBase;
        policy = List.copyOf(g.policy);
        departmentCodes = g.departmentCodes;
        clinicalDepartment = g.clinicalDepartment;
        staff = g.staff;
        postOf = g.postOf;
        clearance = g.clearance;
        adminKind = g.adminKind;
        medical = g.medical;
        active = g.active;
        held = g.held;
        department = g.department;
        role = g.role;
        roleNames = g.roleNames;
        rolePermissions = g.rolePermissions;
        documents = g.documents;
        documentLevel = g.documentLevel;
        documentDepartment = g.documentDepartment;
        documentCustodian = g.documentCustodian;
        documentDistribution = g.documentDistribution;
        patients = g.patients;
        patientLevel = g.patientLevel;
        patientDepartment = g.patientDepartment;
        care = g.care;
        carePerson = g.carePerson;
        carePatient = g.carePatient;
        careFrom = g.careFrom;
        careUntil = g.careUntil;
        grants = g.grants;
        grantPerson = g.grantPerson;
        grantAction = g.grantAction;
        grantOnPatient = g.grantOnPatient;
        grantObject = g.grantObject;
        grantExpires = g.grantExpires;
        grantRevoked = g.grantRevoked;
        glass = g.glass;
        glassPerson = g.glassPerson;
        glassPatient = g.glassPatient;
        glassOpened = g.glassOpened;
        glassExpires = g.glassExpires;
    }

    long personId(int index) {
        return personIdBase + index;
    }

    /** The person index of an account id, or -1 when it is not one of the hospital's. */
    int personIndex(long personId) {
        long index = personId - personIdBase;
        return index >= 0 && index < staff ? (int) index : -1;
    }

    String staffNo(int index) {
        return String.format("B%06d", index + 1);
    }

    static String documentId(int index) {
        return "D" + index;
    }

    static String patientId(int index) {
        return "P" + index;
    }

    static ResourceRef document(int index) {
        return ResourceRef.document(documentId(index));
    }

    static ResourceRef patient(int index) {
        return ResourceRef.patient(patientId(index));
    }

    Set<String> permissionsOf(int person) {
        return rolePermissions.get(role[person]);
    }

    /** One line of counts, for the benchmark's header. */
    String summary() {
        long admins = 0;
        long inactive = 0;
        long holds = 0;
        long medicalStaff = 0;
        for (int i = 0; i < staff; i++) {
            admins += adminKind[i] >= 0 ? 1 : 0;
            inactive += active[i] ? 0 : 1;
            holds += held[i] ? 1 : 0;
            medicalStaff += medical[i] ? 1 : 0;
        }
        long distributed = 0;
        for (long[] list : documentDistribution) {
            distributed += list.length;
        }
        long expired = 0;
        long revoked = 0;
        for (int i = 0; i < grants; i++) {
            expired += grantExpires[i] <= now ? 1 : 0;
            revoked += grantRevoked[i] ? 1 : 0;
        }
        long open = 0;
        for (int i = 0; i < care; i++) {
            open += careUntil[i] == OPEN ? 1 : 0;
        }
        return String.format("seed %d, scale %s: %,d departments; %,d staff (%,d medical, %,d administrators, %,d inactive, "
                + "%,d held by obligations); %,d patients; %,d care relationships (%,d open); %,d documents "
                + "(%,d distribution entries); %,d grants (%,d expired, %,d revoked); %,d break-the-glass sessions",
                seed, scale, departmentCodes.length, staff, medicalStaff, admins, inactive, holds, patients, care, open,
                documents, distributed, grants, expired, revoked, glass);
    }
}
