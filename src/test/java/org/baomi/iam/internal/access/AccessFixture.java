package org.baomi.iam.internal.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessPolicyRule;
import org.baomi.iam.AdminKind;
import org.baomi.iam.NeedToKnow;
import org.baomi.iam.PolicyVersion;
import org.baomi.iam.ResourceRef;
import org.baomi.shared.SecretLevel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds an {@link AccessModel} from a JSON fixture under {@code access/fixtures/} (no Spring). */
final class AccessFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final AccessModel model = new AccessModel();
    final Instant now;

    private AccessFixture(JsonNode root) {
        now = Instant.parse(root.get("now").asString());
        List<AccessPolicyRule> rules = new java.util.ArrayList<>();
        for (JsonNode r : root.get("policy")) {
            Set<NeedToKnow> bases = EnumSet.noneOf(NeedToKnow.class);
            r.get("bases").forEach(b -> bases.add(NeedToKnow.valueOf(b.asString())));
            rules.add(new AccessPolicyRule(r.get("type").asString(), AccessAction.valueOf(r.get("action").asString()),
                    r.get("permission").asString(), bases, level(r.get("departmentMaxLevel")),
                    r.get("medicalOnly").asBoolean(), r.get("careWindowDays").asInt(), r.get("breakGlassMinutes").asInt()));
        }
        model.setPolicy(new CompiledPolicy(new PolicyVersion(1, now, null, null, "fixture", rules)));
        for (JsonNode p : root.get("people")) {
            Set<String> permissions = new HashSet<>();
            p.get("permissions").forEach(x -> permissions.add(x.asString()));
            JsonNode admin = p.get("admin");
            long id = p.get("id").asLong();
            model.putPerson(new PersonEntry(id, "S" + id, p.get("name").asString(), p.get("active").asBoolean(),
                    SecretLevel.valueOf(p.get("clearance").asString()),
                    admin == null || admin.isNull() ? null : AdminKind.valueOf(admin.asString()),
                    p.get("medical").asBoolean(), p.get("department").asLong(), permissions, null));
            JsonNode hold = p.get("hold");
            if (hold != null && !hold.isNull()) {
                model.setHold(id, hold.asString());
            }
        }
        for (JsonNode o : root.get("objects")) {
            ResourceRef ref = new ResourceRef(o.get("type").asString(), o.get("id").asString());
            model.putObject(ref, SecretLevel.valueOf(o.get("level").asString()), o.get("department").asLong(),
                    o.get("custodian").isNull() ? AccessModel.NONE : o.get("custodian").asLong());
            long[] distribution = new long[o.get("distribution").size()];
            for (int i = 0; i < distribution.length; i++) {
                distribution[i] = o.get("distribution").get(i).asLong();
            }
            model.setDistribution(ref, distribution);
        }
        for (JsonNode c : root.get("care")) {
            model.putCare(c.get("id").asLong(), c.get("person").asLong(), ResourceRef.patient(c.get("patient").asString()),
                    Instant.parse(c.get("from").asString()).toEpochMilli(),
                    c.get("until").isNull() ? Long.MAX_VALUE : Instant.parse(c.get("until").asString()).toEpochMilli());
        }
        for (JsonNode g : root.get("grants")) {
            model.putGrant(g.get("id").asLong(), g.get("person").asLong(), AccessAction.valueOf(g.get("action").asString()),
                    new ResourceRef(g.get("type").asString(), g.get("objectId").asString()),
                    Instant.parse(g.get("expires").asString()).toEpochMilli());
        }
        for (JsonNode g : root.get("glass")) {
            model.putGlass(g.get("id").asLong(), g.get("person").asLong(),
                    new ResourceRef(g.get("type").asString(), g.get("objectId").asString()),
                    Instant.parse(g.get("opened").asString()).toEpochMilli(),
                    Instant.parse(g.get("expires").asString()).toEpochMilli());
        }
    }

    static AccessFixture load(String name) {
        return new AccessFixture(read("/access/fixtures/" + name + ".json"));
    }

    static JsonNode read(String resource) {
        try (InputStream in = AccessFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SecretLevel level(JsonNode node) {
        return node == null || node.isNull() ? null : SecretLevel.valueOf(node.asString());
    }
}
