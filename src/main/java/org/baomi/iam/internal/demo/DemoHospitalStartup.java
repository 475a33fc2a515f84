package org.baomi.iam.internal.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo hospital when the application starts in demo mode; a no-op once it is loaded. It runs before
 * other start-up runners, which then find a populated hospital.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@Conditional(DemoModeCondition.class)
class DemoHospitalStartup implements ApplicationRunner {

    private final DemoHospitalSeeder seeder;

    DemoHospitalStartup(DemoHospitalSeeder seeder) {
        this.seeder = seeder;
    }

    @Override
    public void run(ApplicationArguments args) {
        seeder.seed();
    }
}
