package org.baomi.iam.internal.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.baomi.iam.AccessAction;
import org.baomi.iam.ResourceRef;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ACC-4, ACC-6: expired grants and break-the-glass sessions do not stay in the decision model forever. */
class AccessModelPruningTest {

    private static final ResourceRef DOC = ResourceRef.document("prune-1");
    private static final ResourceRef PATIENT = new ResourceRef(ResourceRef.PATIENT, "P-PRUNE");

    @Test
    @DisplayName("ACC-6: pruning removes the grants and sessions expired at or before now, keeps the others and their index")
    void pruneRemovesOnlyExpired() {
        AccessModel model = new AccessModel();
        model.putGrant(1, 10, AccessAction.READ, DOC, 1_000);
        model.putGrant(2, 11, AccessAction.READ, DOC, 5_000);
        model.putGrant(3, 10, AccessAction.EXPORT, DOC, 2_000);
        model.putGlass(7, 12, PATIENT, 0, 2_000);
        model.putGlass(8, 13, PATIENT, 0, 9_000);

        assertThat(model.pruneExpired(2_000)).isEqualTo(3);

        assertThat(model.hasGrant(1)).isFalse();
        assertThat(model.hasGrant(3)).isFalse();
        assertThat(model.hasGrant(2)).isTrue();
        assertThat(model.hasGlass(7)).isFalse();
        assertThat(model.hasGlass(8)).isTrue();
        assertThat(model.size()).containsEntry("grants", 1L).containsEntry("breakGlass", 1L);
        // the reverse queries' candidates shrink with it
        assertThat(model.relatedTo(10)).isEmpty();
        assertThat(model.relatedTo(12)).isEmpty();
        assertThat(model.relatedTo(11)).hasSize(1);
        assertThat(model.pruneExpired(2_000)).isZero();
        assertThat(model.pruneExpired(10_000)).isEqualTo(2);
        assertThat(model.size()).containsEntry("grants", 0L).containsEntry("breakGlass", 0L);
    }
}
