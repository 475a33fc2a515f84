package org.baomi.iam.internal.access;

import java.util.Arrays;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.baomi.iam.AccessAction;
import org.baomi.iam.ResourceRef;
import org.baomi.shared.SecretLevel;

/**
 * The in-memory model the decision point decides on: people, protected objects with their distribution lists, care
 * relationships, grants and break-the-glass sessions, obligation holds and the compiled policy, with the indexes the
 * reverse queries need. Decisions never touch the database (issue 3: p99 under 2 µs).
 *
 * <p>Concurrency: one writer at a time (the mutators are synchronized); readers take no lock. Every mutation replaces
 * an immutable value behind a volatile field or a concurrent map entry, so a reader sees either the old or the new
 * value of each part. It is built without Spring: a unit test or benchmark fills it through the mutators (the
 * builder), the application through {@link AccessModelLoader}.
 */
public final class AccessModel {

    /** 'No department' / 'no custodian' in the long-valued fields. */
    public static final long NONE = Long.MIN_VALUE;

    /** People with ids below this live in an array indexed by id; others in a map. */
    private static final int ARRAY_LIMIT = 1 << 24;

    private volatile PersonEntry[] peopleArray = new PersonEntry[1024];
    private final Map<Long, PersonEntry> peopleOverflow = new ConcurrentHashMap<>();
    private final Map<Long, Set<Long>> peopleByDepartment = new ConcurrentHashMap<>();
    private volatile Map<String, Map<String, ObjectEntry>> objectsByType = Map.of();
    private final Map<Long, Set<ObjectEntry>> relatedByPerson = new ConcurrentHashMap<>();
    private final Map<Long, Set<ObjectEntry>> objectsByDepartment = new ConcurrentHashMap<>();
    private final Map<Long, ObjectEntry> careById = new ConcurrentHashMap<>();
    private final Map<Long, ObjectEntry> grantById = new ConcurrentHashMap<>();
    private final Map<Long, ObjectEntry> glassById = new ConcurrentHashMap<>();
    private final Map<Long, String> holds = new ConcurrentHashMap<>();
    private volatile CompiledPolicy policy = CompiledPolicy.empty();

    // ---- reading side (lock-free) ----

    public PersonEntry person(long id) {
        PersonEntry[] array = peopleArray;
        if (id >= 0 && id < array.length) {
            return array[(int) id];
        }
        return id >= 0 && id < ARRAY_LIMIT ? null : peopleOverflow.get(id);
    }

    /** The registered object, or null. */
    public ObjectEntry object(ResourceRef ref) {
        return object(ref.type(), ref.id());
    }

    ObjectEntry object(String type, String id) {
        Map<String, ObjectEntry> objects = objectsByType.get(type);
        if (objects == null) {
            return null;
        }
        ObjectEntry entry = objects.get(id);
        return entry == null || entry.core == null ? null : entry;
    }

    public CompiledPolicy policy() {
        return policy;
    }

    /** Every active person (for previews and the agreement test). */
    public void forEachPerson(Consumer<PersonEntry> action) {
        for (PersonEntry p : peopleArray) {
            if (p != null) {
                action.accept(p);
            }
        }
        peopleOverflow.values().forEach(action);
    }

    /** Every registered object of the type. */
    public void forEachObject(String type, Consumer<ObjectEntry> action) {
        Map<String, ObjectEntry> objects = objectsByType.get(type);
        if (objects != null) {
            for (ObjectEntry entry : objects.values()) {
                if (entry.core != null) {
                    action.accept(entry);
                }
            }
        }
    }

    Collection<String> types() {
        return objectsByType.keySet();
    }

    Set<ObjectEntry> relatedTo(long personId) {
        return relatedByPerson.getOrDefault(personId, Set.of());
    }

    Set<ObjectEntry> objectsOfDepartment(long departmentId) {
        return objectsByDepartment.getOrDefault(departmentId, Set.of());
    }

    Set<Long> peopleOfDepartment(long departmentId) {
        return peopleByDepartment.getOrDefault(departmentId, Set.of());
    }

    String holdOf(long personId) {
        return holds.get(personId);
    }

    // ---- writing side (one writer at a time) ----

    public synchronized void setPolicy(CompiledPolicy newPolicy) {
        policy = newPolicy;
    }

    /** Adds or replaces a person; the obligations hold is kept apart and re-applied. */
    public synchronized void putPerson(PersonEntry entry) {
        PersonEntry previous = person(entry.id);
        String hold = holds.get(entry.id);
        PersonEntry stored = java.util.Objects.equals(hold, entry.holdReasonKey) ? entry : entry.withHold(hold);
        if (entry.id >= 0 && entry.id < ARRAY_LIMIT) {
            PersonEntry[] array = peopleArray;
            if (entry.id >= array.length) {
                int size = array.length;
                while (size <= entry.id) {
                    size *= 2;
                }
                array = Arrays.copyOf(array, size);
            }
            array[(int) entry.id] = stored;
            peopleArray = array;
        } else {
            peopleOverflow.put(entry.id, stored);
        }
        if (previous != null && previous.departmentId != stored.departmentId) {
            remove(peopleByDepartment, previous.departmentId, stored.id);
        }
        if (stored.departmentId != NONE) {
            peopleByDepartment.computeIfAbsent(stored.departmentId, d -> ConcurrentHashMap.newKeySet()).add(stored.id);
        }
    }

    public synchronized void removePerson(long id) {
        PersonEntry previous = person(id);
        if (previous == null) {
            return;
        }
        if (id >= 0 && id < ARRAY_LIMIT) {
            peopleArray[(int) id] = null;
            peopleArray = peopleArray;
        } else {
            peopleOverflow.remove(id);
        }
        remove(peopleByDepartment, previous.departmentId, id);
    }

    /** PPL-1, PPL-2: holds the person to 内部 (null reason: release). */
    public synchronized void setHold(long personId, String reasonKey) {
        if (reasonKey == null) {
            holds.remove(personId);
        } else {
            holds.put(personId, reasonKey);
        }
        PersonEntry current = person(personId);
        if (current != null) {
            putPerson(current.withHold(reasonKey));
        }
    }

    /** Registers an object or changes its level, department and custodian. */
    public synchronized ObjectEntry putObject(ResourceRef ref, SecretLevel level, long departmentId, long custodianId) {
        ObjectEntry entry = entryFor(ref);
        ObjectEntry.Core previous = entry.core;
        entry.core = new ObjectEntry.Core(level, departmentId, custodianId);
        if (previous != null && previous.departmentId() != departmentId) {
            remove(objectsByDepartment, previous.departmentId(), entry);
        }
        if (departmentId != NONE) {
            objectsByDepartment.computeIfAbsent(departmentId, d -> ConcurrentHashMap.newKeySet()).add(entry);
        }
        if (previous != null && previous.custodianId() != custodianId) {
            unrelate(previous.custodianId(), entry);
        }
        relate(custodianId, entry);
        return entry;
    }

    public synchronized void setDistribution(ResourceRef ref, long[] personIds) {
        ObjectEntry entry = entryFor(ref);
        long[] previous = entry.distribution;
        long[] sorted = personIds.clone();
        Arrays.sort(sorted);
        entry.distribution = sorted;
        for (long p : previous) {
            unrelate(p, entry);
        }
        for (long p : sorted) {
            relate(p, entry);
        }
    }

    /** Adds or replaces a care relationship (ACC-4); {@code untilMillis} {@link Long#MAX_VALUE} = open. */
    public synchronized void putCare(long id, long personId, ResourceRef patient, long fromMillis, long untilMillis) {
        removeCare(id);
        ObjectEntry entry = entryFor(patient);
        entry.care = ObjectEntry.with(entry.care, id, personId, fromMillis, untilMillis);
        careById.put(id, entry);
        relate(personId, entry);
    }

    public synchronized void removeCare(long id) {
        ObjectEntry entry = careById.remove(id);
        if (entry != null) {
            long personId = ObjectEntry.personOf(entry.care, id);
            entry.care = ObjectEntry.without(entry.care, id);
            unrelate(personId, entry);
        }
    }

    /** Adds or replaces a grant; a revoked grant is removed with {@link #removeGrant}. */
    public synchronized void putGrant(long id, long personId, AccessAction action, ResourceRef ref, long expiresMillis) {
        removeGrant(id);
        ObjectEntry entry = entryFor(ref);
        entry.grants = ObjectEntry.with(entry.grants, id, personId, action.ordinal(), expiresMillis);
        grantById.put(id, entry);
        relate(personId, entry);
    }

    public synchronized void removeGrant(long id) {
        ObjectEntry entry = grantById.remove(id);
        if (entry != null) {
            long personId = ObjectEntry.personOf(entry.grants, id);
            entry.grants = ObjectEntry.without(entry.grants, id);
            unrelate(personId, entry);
        }
    }

    public synchronized void putGlass(long id, long personId, ResourceRef ref, long openedMillis, long expiresMillis) {
        removeGlass(id);
        ObjectEntry entry = entryFor(ref);
        entry.glass = ObjectEntry.with(entry.glass, id, personId, openedMillis, expiresMillis);
        glassById.put(id, entry);
        relate(personId, entry);
    }

    public synchronized void removeGlass(long id) {
        ObjectEntry entry = glassById.remove(id);
        if (entry != null) {
            long personId = ObjectEntry.personOf(entry.glass, id);
            entry.glass = ObjectEntry.without(entry.glass, id);
            unrelate(personId, entry);
        }
    }

    /**
     * Forgets grants and break-the-glass sessions that expired at or before the time (ACC-4, ACC-6). Decisions already
     * ignore them (expiry is checked at decision time); pruning keeps the model, and the candidates of the reverse
     * queries, from growing with every grant ever issued.
     *
     * @return how many were removed
     */
    public synchronized int pruneExpired(long nowMillis) {
        int removed = 0;
        for (long id : expired(grantById, nowMillis, true)) {
            removeGrant(id);
            removed++;
        }
        for (long id : expired(glassById, nowMillis, false)) {
            removeGlass(id);
            removed++;
        }
        return removed;
    }

    private static List<Long> expired(Map<Long, ObjectEntry> byId, long nowMillis, boolean grants) {
        List<Long> ids = new ArrayList<>();
        for (Map.Entry<Long, ObjectEntry> e : byId.entrySet()) {
            long[] entries = grants ? e.getValue().grants : e.getValue().glass;
            for (int i = 0; i < entries.length; i += ObjectEntry.STRIDE) {
                if (entries[i + ObjectEntry.ID] == e.getKey() && entries[i + ObjectEntry.B] <= nowMillis) {
                    ids.add(e.getKey());
                }
            }
        }
        return ids;
    }

    boolean hasGrant(long id) {
        return grantById.containsKey(id);
    }

    boolean hasGlass(long id) {
        return glassById.containsKey(id);
    }

    /** Counts for logs and the benchmark. */
    public synchronized Map<String, Long> size() {
        long[] people = {0};
        forEachPerson(p -> people[0]++);
        Map<String, Long> counts = new HashMap<>();
        counts.put("people", people[0]);
        objectsByType.forEach((type, objects) -> counts.put(type, (long) objects.size()));
        counts.put("care", (long) careById.size());
        counts.put("grants", (long) grantById.size());
        counts.put("breakGlass", (long) glassById.size());
        return counts;
    }

    private ObjectEntry entryFor(ResourceRef ref) {
        Map<String, ObjectEntry> objects = objectsByType.get(ref.type());
        if (objects == null) {
            Map<String, Map<String, ObjectEntry>> copy = new HashMap<>(objectsByType);
            objects = new ConcurrentHashMap<>();
            copy.put(ref.type(), objects);
            objectsByType = Map.copyOf(copy);
        }
        // an entry without core stands for an object not (yet) registered: it collects care, grants and sessions
        // but every decision on it is "unknown object" (deny by default)
        return objects.computeIfAbsent(ref.id(), id -> new ObjectEntry(ref, null));
    }

    private void relate(long personId, ObjectEntry entry) {
        if (personId != NONE) {
            relatedByPerson.computeIfAbsent(personId, p -> ConcurrentHashMap.newKeySet()).add(entry);
        }
    }

    private void unrelate(long personId, ObjectEntry entry) {
        if (personId != NONE && !entry.relates(personId)) {
            remove(relatedByPerson, personId, entry);
        }
    }

    private static <T> void remove(Map<Long, Set<T>> index, long key, T value) {
        Set<T> set = index.get(key);
        if (set != null) {
            set.remove(value);
        }
    }
}
