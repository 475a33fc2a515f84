package org.baomi.iam.internal.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A commit that writes more changes than one read of the change log holds (a bulk import, the demo load) is applied
 * whole by the poll after it: the last object of the batch decides at once, not several refresh intervals later
 * (issue 3 "a change takes effect within 1 second"; ACC-4 for the care team of a patient imported in bulk).
 */
@BaomiSpringTest
class AccessChangeFeedBacklogTest {

    @Autowired
    ProtectedObjects objects;
    @Autowired
    AccessChangeFeed feed;

    @Test
    void aCommitOfMoreChangesThanOneBatchIsAppliedWholeByThePollAfterIt() {
        String prefix = "T-backlog-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        int n = AccessChangeFeed.BATCH * 2 + 17;
        List<ProtectedObject> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(new ProtectedObject(ResourceRef.document(prefix + i), SecretLevel.INTERNAL, null, null));
        }

        objects.registerAll(batch);

        // no waiting: registerAll polls right after its commit
        assertThat(feed.model().object(ResourceRef.document(prefix + 0))).isNotNull();
        assertThat(feed.model().object(ResourceRef.document(prefix + (AccessChangeFeed.BATCH + 3)))).isNotNull();
        assertThat(feed.model().object(ResourceRef.document(prefix + (n - 1)))).isNotNull();
        assertThat(feed.model().object(ResourceRef.document(prefix + n))).isNull();
    }
}
