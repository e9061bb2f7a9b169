package org.familygateway.audit.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.familygateway.app.Database;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;
import org.familygateway.audit.CheckpointSigner;
import org.familygateway.audit.Checkpoints;
import org.familygateway.model.Headers;
import org.familygateway.model.Pseudonyms;
import org.familygateway.testing.Project;
import org.familygateway.testing.TestDatabases;
import org.familygateway.trust.Pem;
import org.familygateway.trust.ReceiptSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's defences, spoken to over plain HTTP: headers, sign-in, CSRF on sign-in, session expiry. */
class ConsoleHttpTest {

    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path folder;

    private final MovingClock clock = new MovingClock();
    private final HttpClient http = HttpClient.newHttpClient();
    private Database database;
    private AuditTrail audit;
    private ConsoleServer console;

    @BeforeEach
    void start() {
        TestDatabases.Target target = TestDatabases.fresh(TestDatabases.Kind.H2, folder);
        database = Database.open(target.url(), target.user(), target.password());
        Path keys = Project.certs().resolve("gateway");
        Checkpoints checkpoints = new Checkpoints(database.dataSource(), clock, new CheckpointSigner(new ReceiptSigner(
                Pem.privateKey(keys.resolve("signing.key")), Pem.certificate(keys.resolve("signing.crt")))), 0);
        audit = new AuditTrail(database.dataSource(), clock, checkpoints);
        new ConsoleUsers(database.dataSource(), audit, clock).add("iris", Role.IG_OFFICER, PASSWORD.toCharArray(), "test");
        console = ConsoleServer.start(new ConsoleServer.Options("127.0.0.1", 0, Duration.ofMinutes(15), Duration.ofHours(8), false),
                database.dataSource(), audit, checkpoints, new Pseudonyms(new byte[32]), clock);
    }

    @AfterEach
    void stop() {
        console.close();
        database.close();
    }

    @Test
    void every_page_carries_the_security_headers_and_no_store() throws Exception {
        HttpResponse<String> login = get("/login", null);
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'").contains("form-action 'self'"));
        assertThat(login.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict"));
        assertThat(login.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void a_sign_in_without_the_forms_token_or_with_a_wrong_password_is_refused_and_audited() throws Exception {
        HttpResponse<String> form = get("/login", null);
        String cookie = cookie(form);
        assertThat(post("/login", cookie, "username=iris&password=" + encode(PASSWORD)).statusCode()).isEqualTo(403);
        assertThat(post("/login", cookie, "_csrf=" + csrf(form.body()) + "&username=iris&password=wrong-password").statusCode())
                .isEqualTo(401);
        assertThat(audit.latest(1).get(0).type()).isEqualTo(AuditEventType.CONSOLE_SIGN_IN_REFUSED);
        assertThat(audit.latest(1).get(0).toString()).doesNotContain("wrong-password");
    }

    @Test
    void a_session_ends_after_its_idle_time_and_the_pages_ask_for_sign_in_again() throws Exception {
        String session = signIn();
        assertThat(get("/search", session).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(16));

        HttpResponse<String> after = get("/search", session);
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void signing_in_gives_a_new_session_id_so_a_planted_one_is_useless() throws Exception {
        HttpResponse<String> form = get("/login", null);
        String before = cookie(form);
        HttpResponse<String> signedIn = post("/login", before, "_csrf=" + csrf(form.body()) + "&username=iris&password=" + encode(PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(cookie(signedIn)).isNotEqualTo(before);
        assertThat(get("/search", before).statusCode()).isEqualTo(303);
    }

    @Test
    void a_search_by_the_id_a_partner_quotes_finds_every_step_of_the_deliveries_it_names() throws Exception {
        String refused = UUID.randomUUID().toString();
        String sentAgain = UUID.randomUUID().toString();
        String another = UUID.randomUUID().toString();
        deliver(refused, "school-42", AuditEventType.REJECTED);
        deliver(sentAgain, "school-42", AuditEventType.ACCEPTED);
        deliver(another, "school-43", AuditEventType.ACCEPTED);
        String session = signIn();

        // by the partner's own message id: both deliveries under it, each with the steps before the message was read
        String byMessageId = get("/search?message=school-42", session).body();
        assertThat(byMessageId).contains("<p id=\"result-count\">4 entries.").contains(refused).contains(sentAgain).doesNotContain(another);
        // each row names the partner's id where the entry has it (RECEIVED, before the message is read, has none)
        assertThat(byMessageId).contains("<td>" + refused + "</td><td>school-42</td>").contains("<td>" + refused + "</td><td></td>");
        // by the receipt id the gateway gave one of them
        String byReceipt = get("/search?message=" + refused, session).body();
        assertThat(byReceipt).contains("<p id=\"result-count\">2 entries.").contains(refused).doesNotContain(sentAgain);
        assertThat(get("/search?message=school-44", session).body()).contains("<p id=\"result-count\">0 entries.");
        assertThat(audit.latest(1).get(0).entry().detail()).contains("message=school-44");
        // the list of refusals names the partner's id for each
        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        assertThat(get("/quarantine?from=" + today + "&to=" + today, session).body()).contains("<td>" + refused + "</td><td>school-42</td>");
    }

    /** A delivery's audit entries: RECEIVED (before the message is read, so without its id), then how it ended. */
    private void deliver(String receiptId, String messageId, AuditEventType outcome) {
        Map<String, Object> headers = new HashMap<>(Map.of(Headers.RECEIPT_ID, receiptId, Headers.PARTNER_ID, "example-school",
                Headers.CHANNEL, "SOAP"));
        audit.record(AuditEventType.RECEIVED, headers);
        headers.put(Headers.SENDER_MESSAGE_ID, messageId);
        if (outcome == AuditEventType.REJECTED) {
            headers.put(Headers.REASON_CODE, "DATE_IN_FUTURE");
            headers.put(Headers.REASON_MESSAGE, "a concern observed after the day the message was received");
        }
        audit.record(outcome, headers);
    }

    private String signIn() throws Exception {
        HttpResponse<String> form = get("/login", null);
        return cookie(post("/login", cookie(form), "_csrf=" + csrf(form.body()) + "&username=iris&password=" + encode(PASSWORD)));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static final class MovingClock extends Clock {
        private volatile Instant now = Instant.parse("2025-03-03T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }
}
