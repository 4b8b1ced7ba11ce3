package org.careloop.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.careloop.testing.KafkaTestResource;
import org.careloop.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * The consumer lag of every Kafka channel is on /q/metrics (quarkus.micrometer.binder.kafka.enabled in the shared
 * configuration): per topic and partition once the consumer has fetched there, and the maximum per channel client.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class KafkaClientMetricsTests {

    @Test
    void consumerLagIsExposedPerChannelTopicAndPartition() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "lag-probe", "parts", List.of()))
                .post("/widgets")
                .then()
                .statusCode(200);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<String> lines = given().get("/q/metrics")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString()
                            .lines()
                            .toList();
                    assertThat(lines)
                            .anyMatch(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag{")
                                    && l.contains("client_id=\"kafka-consumer-widget-events\"")
                                    && l.contains("topic=\"widget-events\"")
                                    && l.contains("partition=\""));
                    assertThat(lines)
                            .anyMatch(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag_max{")
                                    && l.contains("client_id=\"kafka-consumer-widget-events\""));
                });
    }
}
