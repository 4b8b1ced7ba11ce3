package org.careloop.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything a service's {@code @QuarkusTest} needs, real and without Docker: PostgreSQL (a fresh database), Kafka
 * (a KRaft broker in the test JVM) and Keycloak (the project's realm). Use it on one test class of the module:
 * {@code @QuarkusTestResource(CareLoopTestInfrastructure.class)}; it applies to every test of the module.
 */
public class CareLoopTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private final PostgresTestResource postgres = new PostgresTestResource();
    private final KafkaTestResource kafka = new KafkaTestResource();
    private final KeycloakTestResource keycloak = new KeycloakTestResource();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.putAll(keycloak.start());
        config.putAll(kafka.start());
        config.putAll(postgres.start());
        return config;
    }

    @Override
    public void stop() {
        postgres.stop();
        kafka.stop();
        keycloak.stop();
    }
}
