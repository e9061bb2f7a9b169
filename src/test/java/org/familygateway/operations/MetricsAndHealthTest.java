package org.familygateway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.familygateway.model.v1.OutcomeType;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.simulator.SoapPartnerClient;
import org.familygateway.testing.Examples;
import org.familygateway.testing.RawSoap;
import org.familygateway.testing.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Prometheus and a health check scrape the running gateway over HTTP, as they would in production. */
class MetricsAndHealthTest {

    @RegisterExtension
    static final TestGateway gateway = new TestGateway();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void metrics_count_accepted_and_rejected_messages_by_partner_and_reason_and_time_them() throws Exception {
        ReceiptType accepted;
        try (SoapPartnerClient school = gateway.soapClient(TestGateway.partner("example-school"))) {
            accepted = school.submit(Examples.referral());
        }
        assertThat(accepted.getOutcome()).isEqualTo(OutcomeType.ACCEPTED);
        RawSoap.Response unsigned = gateway.rawSoap().post(RawSoap.serialize(gateway.rawSoap().envelope(Examples.xml(Examples.referral()))));
        assertThat(unsigned.status()).isEqualTo(500);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(get("/metrics").body())
                .contains("fg_case_latency_seconds_count{channel=\"SOAP\",outcome=\"forwarded\"} 1"));
        String metrics = get("/metrics").body();
        assertThat(metrics)
                .contains("fg_messages_accepted_total{channel=\"SOAP\",partner=\"example-school\"} 1.0")
                .contains("fg_messages_rejected_total{channel=\"SOAP\",partner=\"unknown\",reason=\"SECURITY_HEADER_MISSING\"} 1.0")
                .contains("fg_messages_quarantined_total{channel=\"SOAP\",partner=\"unknown\",reason=\"SECURITY_HEADER_MISSING\"} 1.0")
                .contains("fg_receipt_latency_seconds_bucket{channel=\"SOAP\",outcome=\"accepted\",le=\"0.05\"}")
                .contains("fg_receipt_latency_seconds_count{channel=\"SOAP\",outcome=\"refused\"} 1")
                .contains("fg_sftp_server_restarts_total 0.0")
                .containsPattern("fg_household_step_items_total [1-9]")
                .containsPattern("fg_household_step_busy_seconds_total ([1-9]|0\\.0*[1-9])")
                .containsPattern("fg_audit_commit_transactions_total [1-9]")
                .containsPattern("fg_audit_commit_items_total [1-9]")
                .contains("jvm_memory_used_bytes");
        for (String queue : new String[] {"gateway.intake", "family-team.cases",
                "gateway.quarantine", "gateway.dead-letter", "gateway.expired"}) {
            assertThat(metrics).contains("fg_queue_depth{queue=\"" + queue + "\"}");
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(get("/metrics").body())
                .contains("fg_queue_depth{queue=\"family-team.cases\"} 1.0")
                .contains("fg_queue_depth{queue=\"gateway.quarantine\"} 1.0"));
        assertThat(metrics).doesNotContain("Alex", "U926200119001");
    }

    @Test
    void health_reports_the_broker_the_database_sftp_and_soap_up() throws Exception {
        HttpResponse<String> health = get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"checks\":{\"broker\":{\"status\":\"UP\"},"
                + "\"database\":{\"status\":\"UP\"},\"sftp\":{\"status\":\"UP\"},\"soap\":{\"status\":\"UP\"}}}\n");
    }

    @Test
    void only_get_on_the_two_paths_is_served() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/metrics")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.gateway().operationsPort() + path);
    }
}
