package org.baomi.benchmark.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.googlecode.aviator.runtime.function.FunctionUtils;
import com.googlecode.aviator.runtime.type.AviatorBoolean;
import com.googlecode.aviator.runtime.type.AviatorObject;
import org.baomi.iam.AccessPolicyRule;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.NeedToKnow;
import org.casbin.jcasbin.main.EnforceResult;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.casbin.jcasbin.util.function.CustomFunction;

/**
 * jCasbin 1.99 deciding the same questions on the same {@link Hospital} as Baomi's engine, for comparison (issue 3:
 * "run jCasbin on the same model beside yours").
 *
 * <p>How the rules are expressed. An ABAC model: the request is {@code (subject, object, action)} where subject and
 * object are attribute objects ({@link Subject}, {@link Target}, JavaBean getters read by jCasbin's Aviator
 * matcher); one policy line per (object type, action, need-to-know basis) of Baomi's policy, in the order Baomi's
 * engine tries the bases, carrying the required permission, the department level maximum, the medical-only flag and
 * the care window; effect {@code some(where (p.eft == allow))}, i.e. deny unless a line matches. The matcher states
 * in Casbin's language: policy type and action; person known and active; not an administrator (三员, ORG-5); object
 * registered; clearance (CLS-1); the obligations hold (PPL-1/2); medical posts only (ACC-4); custodian and
 * department scope as attribute comparisons. Five custom functions do what a matcher expression cannot: permission
 * matching with {@code *} segments ({@code hasPermission}), and look-ups in per-object lists (distribution list,
 * care relationships within the window, unexpired grants for the action, open break-the-glass sessions). jCasbin's
 * RBAC ({@code g}) is not used for roles because permissions are wildcard strings matched per segment, and a role
 * hierarchy would not change the figures.
 *
 * <p>Not expressed (so left out of the request mix): writing down ({@code writtenLevel}, CLS-1) and CREATE of
 * unregistered objects; the rule trail, reason and remedy (jCasbin answers allow/deny and the matching policy line,
 * which gives the basis). Everything else agrees decision for decision (the benchmark prints the agreement).
 */
final class CasbinEngine {

    static final String MODEL = """
            [request_definition]
            r = sub, obj, act

            [policy_definition]
            p = type, act, perm, basis, deptmax, medical, window

            [policy_effect]
            e = some(where (p.eft == allow))

            [matchers]
            m = r.obj.type == p.type && r.act == p.act && r.sub.active && !r.sub.admin && r.obj.registered \
            && hasPermission(r.sub, p.perm) && r.obj.level <= r.sub.clearance && (!r.sub.held || r.obj.level <= 1) \
            && (p.medical == 'false' || r.sub.medical) \
            && ((p.basis == 'CUSTODIAN' && r.obj.custodian == r.sub.id) \
            || (p.basis == 'DISTRIBUTION' && distributed(r.sub, r.obj)) \
            || (p.basis == 'DEPARTMENT' && r.obj.department == r.sub.department && r.obj.level <= long(p.deptmax)) \
            || (p.basis == 'CARE_TEAM' && careTeam(r.sub, r.obj, p.window)) \
            || (p.basis == 'GRANT' && granted(r.sub, r.obj, r.act)) \
            || (p.basis == 'BREAK_GLASS' && brokeGlass(r.sub, r.obj)))
            """;

    private final Enforcer enforcer;
    private final Subject[] subjects;
    private final Subject unknown;
    private final Map<String, Target[]> targetsByType = new HashMap<>();
    private final long now;
    private final long personIdBase;

    CasbinEngine(Hospital h) {
        this.now = h.now;
        this.personIdBase = h.personIdBase;
        subjects = new Subject[h.staff];
        for (int i = 0; i < h.staff; i++) {
            subjects[i] = new Subject(h, i);
        }
        unknown = new Subject();
        Target[] documents = new Target[h.documents];
        for (int i = 0; i < h.documents; i++) {
            documents[i] = new Target("document", h.documentLevel[i], h.documentDepartment[i], h.documentCustodian[i]);
            documents[i].distribution = h.documentDistribution[i];
        }
        Target[] patients = new Target[h.patients];
        for (int i = 0; i < h.patients; i++) {
            patients[i] = new Target("patient", h.patientLevel[i], h.patientDepartment[i], Hospital.NONE);
        }
        for (int c = 0; c < h.care; c++) {
            Target t = patients[h.carePatient[c]];
            t.care = append(t.care, h.carePerson[c], h.careFrom[c], h.careUntil[c]);
        }
        for (int g = 0; g < h.grants; g++) {
            if (!h.grantRevoked[g]) {
                Target t = h.grantOnPatient[g] ? patients[h.grantObject[g]] : documents[h.grantObject[g]];
                t.grants = append(t.grants, h.grantPerson[g], h.grantAction[g], h.grantExpires[g]);
            }
        }
        for (int s = 0; s < h.glass; s++) {
            Target t = patients[h.glassPatient[s]];
            t.glass = append(t.glass, h.glassPerson[s], h.glassOpened[s], h.glassExpires[s]);
        }
        targetsByType.put("document", documents);
        targetsByType.put("patient", patients);

        // jCasbin logs the model and every request at INFO by default; a benchmark measures deciding, not logging
        org.casbin.jcasbin.util.Util.enableLog = false;
        Model model = Model.newModelFromString(MODEL);
        enforcer = new Enforcer(model);
        enforcer.enableLog(false);
        enforcer.addFunction("hasPermission", new HasPermission());
        enforcer.addFunction("distributed", new Distributed());
        enforcer.addFunction("careTeam", new CareTeam());
        enforcer.addFunction("granted", new Granted());
        enforcer.addFunction("brokeGlass", new BrokeGlass());
        for (List<String> line : policyLines(h.policy)) {
            enforcer.addPolicy(line);
        }
    }

    /** One policy line per (type, action, basis), in the order of the bases (Baomi's engine tries them so). */
    static List<List<String>> policyLines(List<AccessPolicyRule> rules) {
        List<List<String>> lines = new ArrayList<>();
        for (AccessPolicyRule rule : rules) {
            for (NeedToKnow basis : NeedToKnow.values()) {
                if (rule.allows(basis) && (basis != NeedToKnow.DEPARTMENT || rule.departmentMaxLevel() != null)) {
                    lines.add(List.of(rule.resourceType(), rule.action().name(), rule.permission(), basis.name(),
                            Integer.toString(rule.departmentMaxLevel() == null ? 0 : rule.departmentMaxLevel().ordinal()),
                            Boolean.toString(rule.medicalOnly()), Long.toString(rule.careWindowDays() * HospitalGenerator.DAY)));
                }
            }
        }
        return lines;
    }

    /** Allow or deny; the attribute look-ups are part of the call, as Baomi's engine resolves ids in its model. */
    boolean decide(AccessRequest request) {
        return enforcer.enforce(subject(request.personId()), target(request), request.action().name());
    }

    /** The need-to-know basis of the matching policy line, or null when denied. */
    String basis(AccessRequest request) {
        EnforceResult result = enforcer.enforceEx(subject(request.personId()), target(request), request.action().name());
        return result.isAllow() && !result.getExplain().isEmpty() ? result.getExplain().get(3) : null;
    }

    int policySize() {
        return enforcer.getPolicy().size();
    }

    private Subject subject(long personId) {
        long index = personId - personIdBase;
        return index >= 0 && index < subjects.length ? subjects[(int) index] : unknown;
    }

    private Target target(AccessRequest request) {
        Target[] targets = targetsByType.get(request.resource().type());
        if (targets != null) {
            String id = request.resource().id();
            int index = parseIndex(id);
            if (index >= 0 && index < targets.length) {
                return targets[index];
            }
        }
        return new Target(request.resource().type());
    }

    /** "D123" / "P123" to 123, or -1. */
    private static int parseIndex(String id) {
        if (id.length() < 2 || id.length() > 10) {
            return -1;
        }
        int value = 0;
        for (int k = 1; k < id.length(); k++) {
            char c = id.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static long[] append(long[] array, long a, long b, long c) {
        long[] copy = Arrays.copyOf(array, array.length + 3);
        copy[array.length] = a;
        copy[array.length + 1] = b;
        copy[array.length + 2] = c;
        return copy;
    }

    /** The person's attributes as the matcher reads them. */
    public static final class Subject {
        private final long id;
        private final boolean active;
        private final boolean admin;
        private final long clearance;
        private final boolean held;
        private final boolean medical;
        private final long department;
        private final java.util.Set<String> exact = new java.util.HashSet<>();
        private final List<String[]> wildcards = new ArrayList<>();

        Subject(Hospital h, int i) {
            id = h.personId(i);
            active = h.active[i];
            admin = h.adminKind[i] >= 0;
            clearance = h.clearance[i];
            held = h.held[i];
            medical = h.medical[i];
            department = h.department[i];
            for (String p : h.permissionsOf(i)) {
                if (p.indexOf('*') >= 0) {
                    wildcards.add(p.split(":"));
                } else {
                    exact.add(p);
                }
            }
        }

        Subject() {
            id = Hospital.NONE;
            active = false;
            admin = false;
            clearance = 0;
            held = false;
            medical = false;
            department = -1;
        }

        public long getId() {
            return id;
        }

        public boolean getActive() {
            return active;
        }

        public boolean getAdmin() {
            return admin;
        }

        public long getClearance() {
            return clearance;
        }

        public boolean getHeld() {
            return held;
        }

        public boolean getMedical() {
            return medical;
        }

        public long getDepartment() {
            return department;
        }

        boolean holds(String permission) {
            if (exact.contains(permission)) {
                return true;
            }
            String[] wanted = permission.split(":");
            for (String[] held : wildcards) {
                if (held.length == 3 && wanted.length == 3 && (held[0].equals("*") || held[0].equals(wanted[0]))
                        && (held[1].equals("*") || held[1].equals(wanted[1]))
                        && (held[2].equals("*") || held[2].equals(wanted[2]))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The object's attributes as the matcher reads them, and its lists for the custom functions. */
    public static final class Target {
        private final String type;
        private final boolean registered;
        private final long level;
        private final long department;
        private final long custodian;
        long[] distribution = new long[0];
        /** Triples (person, from, until). */
        long[] care = new long[0];
        /** Triples (person, action ordinal, expires). */
        long[] grants = new long[0];
        /** Triples (person, opened, expires). */
        long[] glass = new long[0];

        Target(String type, int level, int department, long custodian) {
            this.type = type;
            this.registered = true;
            this.level = level;
            this.department = department;
            this.custodian = custodian;
        }

        Target(String type) {
            this.type = type;
            this.registered = false;
            this.level = 0;
            this.department = -1;
            this.custodian = Hospital.NONE;
        }

        public String getType() {
            return type;
        }

        public boolean getRegistered() {
            return registered;
        }

        public long getLevel() {
            return level;
        }

        public long getDepartment() {
            return department;
        }

        public long getCustodian() {
            return custodian;
        }
    }

    private static Subject subjectOf(AviatorObject arg, Map<String, Object> env) {
        return (Subject) FunctionUtils.getJavaObject(arg, env);
    }

    private static Target targetOf(AviatorObject arg, Map<String, Object> env) {
        return (Target) FunctionUtils.getJavaObject(arg, env);
    }

    private static final class HasPermission extends CustomFunction {
        @Override
        public AviatorObject call(Map<String, Object> env, AviatorObject sub, AviatorObject permission) {
            return AviatorBoolean.valueOf(subjectOf(sub, env).holds(FunctionUtils.getStringValue(permission, env)));
        }

        @Override
        public String getName() {
            return "hasPermission";
        }
    }

    private static final class Distributed extends CustomFunction {
        @Override
        public AviatorObject call(Map<String, Object> env, AviatorObject sub, AviatorObject obj) {
            return AviatorBoolean.valueOf(Arrays.binarySearch(targetOf(obj, env).distribution, subjectOf(sub, env).id) >= 0);
        }

        @Override
        public String getName() {
            return "distributed";
        }
    }

    private final class CareTeam extends CustomFunction {
        @Override
        public AviatorObject call(Map<String, Object> env, AviatorObject sub, AviatorObject obj, AviatorObject window) {
            long person = subjectOf(sub, env).id;
            long[] care = targetOf(obj, env).care;
            long windowMillis = Long.parseLong(FunctionUtils.getStringValue(window, env));
            for (int k = 0; k < care.length; k += 3) {
                if (care[k] == person && care[k + 1] <= now
                        && (care[k + 2] == Hospital.OPEN || now <= care[k + 2] + windowMillis)) {
                    return AviatorBoolean.TRUE;
                }
            }
            return AviatorBoolean.FALSE;
        }

        @Override
        public String getName() {
            return "careTeam";
        }
    }

    private final class Granted extends CustomFunction {
        @Override
        public AviatorObject call(Map<String, Object> env, AviatorObject sub, AviatorObject obj, AviatorObject act) {
            long person = subjectOf(sub, env).id;
            long action = org.baomi.iam.AccessAction.valueOf(FunctionUtils.getStringValue(act, env)).ordinal();
            long[] grants = targetOf(obj, env).grants;
            for (int k = 0; k < grants.length; k += 3) {
                if (grants[k] == person && grants[k + 1] == action && now < grants[k + 2]) {
                    return AviatorBoolean.TRUE;
                }
            }
            return AviatorBoolean.FALSE;
        }

        @Override
        public String getName() {
            return "granted";
        }
    }

    private final class BrokeGlass extends CustomFunction {
        @Override
        public AviatorObject call(Map<String, Object> env, AviatorObject sub, AviatorObject obj) {
            long person = subjectOf(sub, env).id;
            long[] glass = targetOf(obj, env).glass;
            for (int k = 0; k < glass.length; k += 3) {
                if (glass[k] == person && glass[k + 1] <= now && now < glass[k + 2]) {
                    return AviatorBoolean.TRUE;
                }
            }
            return AviatorBoolean.FALSE;
        }

        @Override
        public String getName() {
            return "brokeGlass";
        }
    }
}
