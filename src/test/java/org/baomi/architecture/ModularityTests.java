package org.baomi.architecture;

import org.baomi.BaomiApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** Module boundaries of the modular monolith (house style): no cycles, only public APIs across modules. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(BaomiApplication.class);

    @Test
    void modulesRespectTheirBoundariesAndDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void theFoundationModulesExist() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("shared", "audit", "iam", "portal");
    }

    @Test
    void moduleDocumentationIsWritten() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
