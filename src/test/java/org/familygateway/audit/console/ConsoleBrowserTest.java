package org.familygateway.audit.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.familygateway.app.Database;
import org.familygateway.app.GatewayCommand;
import org.familygateway.app.GatewaySettings;
import org.familygateway.audit.AuditEvent;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.Checkpoints;
import org.familygateway.model.Pseudonyms;
import org.familygateway.model.v1.ReceiptType;
import org.familygateway.simulator.SoapPartnerClient;
import org.familygateway.testing.Browser;
import org.familygateway.testing.Examples;
import org.familygateway.testing.Project;
import org.familygateway.testing.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;

/**
 * An IG officer uses the console in a real headless Chromium, against a real gateway that has
 * just accepted a referral from the school: signs in, finds the pupil by UPN, opens an entry, sees
 * the log verified, downloads the subject access report. An administrator is refused the IG pages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final String UPN = "U926200119001";
    private static final String PASSWORD = "correct horse battery staple";

    @RegisterExtension
    static final TestGateway gateway = new TestGateway(java.util.Map.of("audit.checkpointEveryEntries", "5"));

    private static Browser browser;
    private static WebDriver page;
    private static String receiptId;
    private static String subject;

    @BeforeAll
    static void a_referral_has_been_through_the_gateway_and_two_users_exist() throws Exception {
        ReceiptType receipt;
        try (SoapPartnerClient school = gateway.soapClient(TestGateway.partner("example-school"))) {
            receipt = school.submit(Examples.referral());
        }
        receiptId = receipt.getReceiptId();
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.audit().forReceipt(receiptId).stream()
                .anyMatch(e -> e.type() == AuditEventType.FORWARDED));
        // what the matching step recorded: the pupil, by pseudonym only (of the person, and of each identifier given)
        subject = new Pseudonyms(Files.readAllBytes(gateway.dataDir().resolve("keys").resolve("pseudonym.key")))
                .of(Pseudonyms.Kind.UPN, UPN);
        addUser("iris", "ig-officer");
        addUser("adam", "administrator");
        browser = Browser.start();
        page = browser.driver();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void an_ig_officer_signs_in_and_finds_the_pupil_by_upn_without_the_upn_reaching_the_url() {
        page.get(console("/"));
        assertThat(page.getCurrentUrl()).endsWith("/login");
        browser.screenshot("01-sign-in");
        signIn("iris");
        new WebDriverWait(page, Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches("/search$"));

        new Select(waitFor(By.id("subject-kind"))).selectByValue("UPN");
        page.findElement(By.id("subject-identifier")).sendKeys(UPN);
        page.findElement(By.id("search")).click();

        assertThat(waitFor(By.id("subject")).getText()).isEqualTo(subject);
        assertThat(page.getCurrentUrl()).contains("subject=" + subject).doesNotContain(UPN);
        assertThat(page.findElement(By.id("results")).getText()).contains("MATCHED").contains(receiptId);
        browser.screenshot("02-search-by-subject");
    }

    @Test
    @Order(2)
    void the_officer_opens_an_entry_and_sees_everything_it_says() {
        page.findElement(By.cssSelector("#results tbody tr:first-child a")).click();

        String entry = waitFor(By.id("entry")).getText();
        assertThat(entry).contains("MATCHED").contains(receiptId).contains("example-school").contains(subject);
        browser.screenshot("03-entry");
    }

    @Test
    @Order(3)
    void the_officer_sees_the_log_verified() {
        page.findElement(By.linkText("Verification")).click();

        assertThat(waitFor(By.id("status")).getText()).startsWith("VERIFIED:").contains("signed checkpoint");
        assertThat(page.findElements(By.cssSelector("#checkpoints tbody tr"))).isNotEmpty();
        browser.screenshot("04-verification");
    }

    @Test
    @Order(4)
    void the_officer_downloads_the_subject_access_report_as_csv() throws Exception {
        page.findElement(By.linkText("Subject access report")).click();
        new Select(waitFor(By.id("subject-identifier")).findElement(By.xpath("//select[@id='subject-kind']"))).selectByValue("UPN");
        page.findElement(By.id("subject-identifier")).sendKeys(UPN);
        page.findElement(By.id("report")).click();
        // the referral's whole flow: received, verified, validated, accepted, receipt sent, matched, decided, forwarded
        assertThat(waitFor(By.id("flow-count")).getText()).isEqualTo("8");
        browser.screenshot("05-subject-access-report");

        page.findElement(By.id("csv")).click();
        Path csv = browser.downloads().resolve("subject-access-report-" + subject + ".csv");
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(csv) && Files.size(csv) > 0);

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("position,time,event,outcome,from,to,channel,agreement,lawful_basis,receipt_id");
        assertThat(lines).hasSize(9);
        assertThat(lines.subList(1, 9)).allSatisfy(line -> assertThat(line).contains(receiptId));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(",FORWARDED,FORWARDED,example-school,family-team,SOAP,"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(",RECEIPT_SENT,ACCEPTED,example-school,example-school,"));
        assertThat(String.join("\n", lines)).doesNotContain(UPN, "Alex", "Example Road");
    }

    @Test
    @Order(4)
    void the_officer_sees_what_each_partner_shared_under_each_agreement_by_category() {
        page.get(console("/usage"));
        String byCategory = waitFor(By.id("usage-by-category")).getText();
        assertThat(byCategory).contains("example-family-support").contains("example-school").contains("REFERRAL");
        browser.screenshot("05b-agreement-usage");
    }

    @Test
    @Order(5)
    void every_access_of_the_officer_is_itself_in_the_audit_by_pseudonym_only() {
        List<AuditEvent> latest = gateway.audit().latest(30);
        assertThat(latest).filteredOn(e -> "iris".equals(e.entry().actor())).extracting(AuditEvent::type)
                .contains(AuditEventType.CONSOLE_SIGNED_IN, AuditEventType.CONSOLE_VIEWED, AuditEventType.CONSOLE_EXPORTED);
        assertThat(latest).filteredOn(e -> e.type() == AuditEventType.CONSOLE_EXPORTED)
                .allSatisfy(e -> assertThat(e.entry().subjects()).containsExactly(subject));
        assertThat(latest.toString()).doesNotContain(UPN);
    }

    @Test
    @Order(6)
    void an_administrator_is_refused_the_ig_pages() {
        page.findElement(By.id("sign-out")).click();
        waitFor(By.id("username"));
        signIn("adam");
        new WebDriverWait(page, Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches("/admin$"));

        page.get(console("/search"));
        assertThat(page.findElement(By.id("refused")).getText()).contains("does not allow this page");
        page.get(console("/subject.csv?subject=" + subject));
        assertThat(page.findElement(By.id("refused")).getText()).contains("does not allow this page");
        browser.screenshot("06-administrator-refused");
        assertThat(gateway.audit().latest(5)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(AuditEventType.CONSOLE_ACCESS_REFUSED);
            assertThat(e.entry().actor()).isEqualTo("adam");
        });
    }

    @Test
    @Order(7)
    void a_post_without_the_sessions_csrf_token_is_refused() throws Exception {
        String session = page.manage().getCookieNamed(Web.SESSION_COOKIE).getValue();
        long checkpointsBefore = checkpointCount();
        long logBefore = gateway.audit().size();
        HttpClient http = HttpClient.newHttpClient();
        for (String body : List.of("", "_csrf=forged-token")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(console("/admin/checkpoint")))
                    .header("Cookie", Web.SESSION_COOKIE + "=" + session)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(403);
        }
        // the refusals are audited, and the gateway signs a checkpoint at every fifth entry by itself: only those may appear
        long automatic = automaticCheckpoints(logBefore, gateway.audit().size());
        assertThat(checkpointCount()).isEqualTo(checkpointsBefore + automatic);

        long beforeClick = checkpointCount();
        long logAtClick = gateway.audit().size();
        page.get(console("/admin"));
        waitFor(By.id("sign-checkpoint")).click(); // the same action from the page, token included, works
        new WebDriverWait(page, Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches("/verification$"));
        assertThat(checkpointCount()).isEqualTo(beforeClick + 1 + automaticCheckpoints(logAtClick, gateway.audit().size()));
        browser.screenshot("07-administrator-signed-a-checkpoint");
    }

    /** Checkpoints the gateway signs by itself as the log grows from one size to another (audit.checkpointEveryEntries: 5). */
    private static long automaticCheckpoints(long fromSize, long toSize) {
        return toSize / 5 - fromSize / 5;
    }

    private static long checkpointCount() {
        GatewaySettings settings = gateway.settings();
        try (Database database = Database.open(settings.jdbcUrl(), settings.database().user(), settings.database().password())) {
            return new Checkpoints(database.dataSource(), Clock.systemUTC(), null, 0).all().size();
        }
    }

    /** A click that submits a form returns before the next page has loaded: wait for what it shows. */
    private static org.openqa.selenium.WebElement waitFor(By element) {
        return new WebDriverWait(page, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(element));
    }

    private static void signIn(String user) {
        waitFor(By.id("username")).sendKeys(user);
        page.findElement(By.id("password")).sendKeys(PASSWORD);
        page.findElement(By.id("sign-in")).click();
    }

    private static String console(String path) {
        return "http://127.0.0.1:" + gateway.gateway().consolePort() + path;
    }

    /** As an administrator would: the real command line, the password on standard input. */
    private static void addUser(String name, String role) {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
            int exit = new CommandLine(new GatewayCommand()).execute("users", "add", "--role", role, name,
                    "--config", Project.config().toString(), "--set", "dataDir=" + gateway.dataDir());
            assertThat(exit).isZero();
        } finally {
            System.setIn(stdin);
        }
    }
}
