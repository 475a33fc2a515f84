package org.baomi.iam;

import java.util.List;

/**
 * The effect a draft policy would have against the current model ('these 12 people gain access, these 3 lose it'),
 * computed with the same engine over the reverse-query indexes.
 *
 * @param gainedPeople  number of people who could reach at least one object they cannot reach now
 * @param lostPeople    number of people who could no longer reach at least one object they reach now
 * @param gained        the first people who gain, by staff number
 * @param lost          the first people who lose, by staff number
 * @param gainedPairs   number of (person, object, action) triples newly allowed
 * @param lostPairs     number of (person, object, action) triples no longer allowed
 * @param changedRules  number of (type, action) rules added, removed or changed
 */
public record PolicyPreview(long gainedPeople, long lostPeople, List<AccessPerson> gained, List<AccessPerson> lost,
        long gainedPairs, long lostPairs, int changedRules) {

    /** How many names each side lists at most. */
    public static final int NAMES_LISTED = 20;

    public PolicyPreview {
        gained = List.copyOf(gained);
        lost = List.copyOf(lost);
    }
}
