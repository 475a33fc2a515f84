package org.baomi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Baomi (保密): hospital confidentiality and information-security management.
 * A Spring Modulith modular monolith; each direct sub-package is a module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BaomiApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaomiApplication.class, args);
    }
}
