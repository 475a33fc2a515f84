package org.baomi.iam.internal.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessContext;
import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.ResourceRef;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The data-driven cases of the decision point (issue 3 item 6): every file under {@code access/cases/} names a
 * fixture and lists requests with the expected decision and reason, each named as a sentence citing rule IDs.
 */
class AccessDecisionCasesTest {

    @TestFactory
    Stream<DynamicContainer> every_case_file_decides_as_written() throws IOException, URISyntaxException {
        return caseFiles().map(file -> {
            JsonNode root = AccessFixture.read("/access/cases/" + file.getFileName());
            AccessFixture fixture = AccessFixture.load(root.get("fixture").asString());
            List<DynamicTest> tests = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                tests.add(DynamicTest.dynamicTest(c.get("name").asString(), () -> check(fixture, c)));
            }
            return DynamicContainer.dynamicContainer(file.getFileName().toString(), tests);
        });
    }

    @Test
    void there_are_at_least_150_cases_each_named_with_its_outcome_and_a_rule_id() throws Exception {
        List<String> names = new ArrayList<>();
        caseFiles().forEach(file -> AccessFixture.read("/access/cases/" + file.getFileName()).get("cases")
                .forEach(c -> {
                    names.add(c.get("name").asString());
                    assertThat(c.get("name").asString())
                            .as("the sentence starts with the expected outcome")
                            .startsWith(c.get("allowed").asBoolean() ? "ALLOW " : "DENY ");
                }));
        assertThat(names).hasSizeGreaterThanOrEqualTo(150).doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(n).containsPattern("\\((.*[A-Z]{3}-\\d|.*ORG-5|.*deny by default).*\\)"));
    }

    private static void check(AccessFixture fixture, JsonNode c) {
        JsonNode ctx = c.get("context");
        AccessContext context = AccessContext.NONE;
        if (ctx != null) {
            context = new AccessContext(null, AccessFixture.level(ctx.get("writtenLevel")),
                    ctx.has("breakGlassId") ? ctx.get("breakGlassId").asLong() : null, null);
        }
        AccessRequest request = new AccessRequest(c.get("person").asLong(), AccessAction.valueOf(c.get("action").asString()),
                new ResourceRef(c.get("type").asString(), c.get("id").asString()), context);
        AccessDecision decision = DecisionEngine.decide(fixture.model, request, fixture.now.toEpochMilli());
        assertThat(decision.allowed()).as("allowed; trail %s", decision.trailText()).isEqualTo(c.get("allowed").asBoolean());
        assertThat(decision.reasonKey()).as("reason; trail %s", decision.trailText()).isEqualTo(c.get("reason").asString());
        if (c.has("basis")) {
            assertThat(decision.basis()).hasToString(c.get("basis").asString());
        }
        if (c.has("grantId")) {
            assertThat(decision.grantId()).isEqualTo(c.get("grantId").asLong());
        }
        if (c.has("breakGlassId")) {
            assertThat(decision.breakGlassId()).isEqualTo(c.get("breakGlassId").asLong());
        }
        if (c.has("remedy")) {
            assertThat(decision.remedyKey()).isEqualTo(c.get("remedy").asString());
        }
        assertThat(decision.trail()).isNotEmpty();
        assertThat(decision.trail().get(decision.trail().size() - 1).passed()).isEqualTo(decision.allowed());
    }

    private static Stream<Path> caseFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(AccessDecisionCasesTest.class.getResource("/access/cases").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }
}
