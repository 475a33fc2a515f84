package org.baomi.privacy.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessGrant;
import org.baomi.iam.AccessGrants;
import org.baomi.iam.BreakGlassSession;
import org.baomi.iam.BreakTheGlass;
import org.baomi.iam.ResourceRef;
import org.baomi.privacy.PatientListing;
import org.springframework.stereotype.Component;

/**
 * Search candidates (ACC-4): the patients of the person's care teams, plus those an approved READ grant or an open
 * break-the-glass session reaches, so that someone granted a record finds it in the search instead of needing its
 * id. Candidates only propose: the decision point disposes of each ({@link PatientPageService#search}).
 */
@Component
class ReachablePatients {

    private final PatientReader reader;
    private final AccessGrants grants;
    private final BreakTheGlass glass;
    private final Clock clock;

    ReachablePatients(PatientReader reader, AccessGrants grants, BreakTheGlass glass, Clock clock) {
        this.reader = reader;
        this.grants = grants;
        this.glass = glass;
        this.clock = clock;
    }

    List<PatientListing> candidates(long personId, PatientReader.Criteria criteria) {
        List<PatientListing> cared = reader.candidates(criteria);
        Instant now = clock.instant();
        TreeSet<Long> ids = new TreeSet<>();
        for (AccessGrant g : grants.activeOf(personId)) {
            if (g.action() == AccessAction.READ && ResourceRef.PATIENT.equals(g.resource().type()) && g.activeAt(now)) {
                addId(ids, g.resource().id());
            }
        }
        for (BreakGlassSession s : glass.openOf(personId)) {
            if (ResourceRef.PATIENT.equals(s.resource().type())) {
                addId(ids, s.resource().id());
            }
        }
        if (ids.isEmpty()) {
            return cared;
        }
        Map<Long, PatientListing> merged = new LinkedHashMap<>();
        cared.forEach(p -> merged.put(p.id(), p));
        reader.reached(criteria, ids).forEach(p -> merged.putIfAbsent(p.id(), p));
        List<PatientListing> all = new ArrayList<>(merged.values());
        all.sort(Comparator.comparing(PatientListing::lastSeen).reversed().thenComparing(PatientListing::id));
        return all.size() > PatientReader.CANDIDATES ? all.subList(0, PatientReader.CANDIDATES) : all;
    }

    private static void addId(TreeSet<Long> ids, String id) {
        try {
            ids.add(Long.parseLong(id));
        } catch (NumberFormatException e) {
            // not one of ours: patient ids registered by this module are numbers
        }
    }
}
