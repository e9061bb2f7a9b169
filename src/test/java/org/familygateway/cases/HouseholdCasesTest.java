package org.familygateway.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.familygateway.app.Database;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;
import org.familygateway.eligibility.RuleSetFile;
import org.familygateway.matching.MatchSettings;
import org.familygateway.matching.PersonIndex;
import org.familygateway.model.Headers;
import org.familygateway.model.Pseudonyms;
import org.familygateway.model.v1.CaseStatusType;
import org.familygateway.model.v1.CaseType;
import org.familygateway.model.v1.DecisionOutcomeType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.testing.Examples;
import org.familygateway.testing.Project;
import org.familygateway.testing.SettableClock;
import org.familygateway.validation.MessageXml;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The household step against a real database, the real people index and the national 2012 rules,
 * with a clock the test moves: a household the rules include without anyone referring it, its case
 * closing as its evidence ages out, a redelivered message adding nothing, and a record named only
 * by an identifier waiting for its person.
 */
class HouseholdCasesTest {

    @TempDir
    Path folder;

    private final SettableClock clock = new SettableClock(LocalDate.of(2026, 8, 15));
    private final MessageXml xml = new MessageXml(10_000_000);
    private Database database;
    private AuditTrail audit;
    private HouseholdCases households;
    private CaseOutbox outbox;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:h2:file:" + folder.resolve("gateway").toAbsolutePath(), "gateway", "");
        audit = new AuditTrail(database.dataSource(), clock);
        Pseudonyms pseudonyms = new Pseudonyms(new byte[32]);
        households = new HouseholdCases(database.dataSource(),
                PersonIndex.open(database.dataSource(), MatchSettings.DEFAULTS, pseudonyms, clock), xml, pseudonyms,
                RuleSetFile.read(Project.config().resolve("eligibility/national-2012.yaml"), Map.of()), audit, CaseFilter::none, clock);
        outbox = new CaseOutbox(database.dataSource(), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void a_household_nobody_referred_is_sent_when_the_rules_include_it_and_closed_when_its_evidence_ages_out() {
        households.take(share("example-police", "POLICE", ASB), headers("example-police"));
        households.take(share("example-jobcentre", "JOBCENTRE_PLUS", JSA), headers("example-jobcentre"));
        assertThat(outbox.pending(10)).as("two of three national criteria and no referral: nothing for the team yet").isEmpty();

        List<CaseUpdate> made = households.take(share("example-school", "SCHOOL", ATTENDANCE), headers("example-school"));
        assertThat(made).singleElement().satisfies(update -> {
            assertThat(update.version()).isEqualTo(1);
            assertThat(update.status()).isEqualTo("NEW");
        });
        CaseType included = read(outbox.pending(10).get(0));
        assertThat(included.getDecision().getOutcome()).isEqualTo(DecisionOutcomeType.INCLUDED);
        assertThat(included.getHousehold().getMember()).extracting(m -> m.getName().getForename()).containsExactlyInAnyOrder("Alex", "Sam");
        assertThat(included.getConsentPosition().isInformationGovernanceReview()).as("no consent: the lawful basis is for IG to review").isTrue();
        outbox.published(included.getCaseId(), 1);

        // nothing changes from one day to the next while the evidence stands
        clock.set(LocalDate.of(2026, 8, 16));
        assertThat(households.reviewDue()).isEmpty();

        // a year on, the behaviour contract and the school year have passed out of the rules' windows
        clock.set(LocalDate.of(2027, 6, 1));
        List<CaseUpdate> closed = households.reviewDue();
        assertThat(closed).singleElement().satisfies(update -> {
            assertThat(update.caseId()).isEqualTo(included.getCaseId());
            assertThat(update.version()).isEqualTo(2);
            assertThat(update.status()).isEqualTo("CLOSED");
        });
        assertThat(read(closed.get(0)).getDecision().getOutcome()).isEqualTo(DecisionOutcomeType.NOT_ELIGIBLE);
        assertThat(households.reviewDue()).as("closed once, not again").isEmpty();
        assertThat(audit.latest(50)).extracting(e -> e.type()).contains(AuditEventType.DECIDED, AuditEventType.FORWARDED, AuditEventType.MATCHED);
    }

    @Test
    void consent_given_again_after_a_withdrawal_resumes_the_case_of_that_household_and_no_other() {
        clock.set(LocalDate.now(java.time.ZoneOffset.UTC)); // the example referrals and consent updates are dated today
        List<ReferralType> referrals = new ArrayList<>();
        List<String> caseIds = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            ReferralType referral = Examples.referralAboutFamily(n);
            referrals.add(referral);
            List<CaseUpdate> made = households.take(Examples.xml(referral), headers("example-school", "Referral"));
            assertThat(made).hasSize(1);
            caseIds.add(made.get(0).caseId());
        }
        // the third family: its household's id is not the id of any of its people
        ReferralType third = referrals.get(2);
        List<CaseUpdate> withdrawn = households.consent(Examples.consentWithdrawal("withdrawal-" + UUID.randomUUID(), third,
                third.getMessageId()).getBytes(StandardCharsets.UTF_8), headers("example-school", "ConsentUpdate"));
        assertThat(withdrawn).singleElement().satisfies(u -> {
            assertThat(u.caseId()).isEqualTo(caseIds.get(2));
            assertThat(u.status()).isEqualTo(CaseStatusType.WITHDRAWN.value());
        });

        Map<String, Object> given = headers("example-school", "ConsentUpdate");
        List<CaseUpdate> resumed = households.consent(Examples.consentGiven("given-" + UUID.randomUUID(), third, third.getMessageId())
                .getBytes(StandardCharsets.UTF_8), given);
        assertThat(resumed).singleElement().satisfies(u -> {
            assertThat(u.caseId()).isEqualTo(caseIds.get(2));
            assertThat(u.version()).isEqualTo(3);
            assertThat(u.status()).isEqualTo(CaseStatusType.UPDATED.value());
            CaseType resumedCase = read(u);
            assertThat(resumedCase.getHousehold().getMember()).isNotEmpty().extracting(m -> m.getName().getSurname())
                    .containsOnly(third.getHousehold().getMember().get(0).getName().getSurname());
            assertThat(resumedCase.getConsentPosition().getWithdrawnOn()).isNull();
        });
        assertThat(audit.forReceipt(String.valueOf(given.get(Headers.RECEIPT_ID)))).extracting(e -> e.type())
                .contains(AuditEventType.CONSENT_RESTORED, AuditEventType.DECIDED, AuditEventType.FORWARDED);
        assertThat(outbox.pending(100)).extracting(CaseUpdate::caseId).filteredOn(id -> !id.equals(caseIds.get(2)))
                .as("the other households' cases are sent once each").hasSize(3);
    }

    @Test
    void a_message_taken_in_twice_adds_nothing_and_makes_no_second_version() throws SQLException {
        byte[] police = share("example-police", "POLICE", ASB);
        Map<String, Object> headers = headers("example-police");
        households.take(police, headers);
        households.take(share("example-jobcentre", "JOBCENTRE_PLUS", JSA), headers("example-jobcentre"));
        households.take(share("example-school", "SCHOOL", ATTENDANCE), headers("example-school"));
        long evidence = count("evidence");
        long people = count("agency_record");

        assertThat(households.take(police, headers)).isEmpty();
        assertThat(count("evidence")).isEqualTo(evidence);
        assertThat(count("agency_record")).as("not matched again").isEqualTo(people);
        assertThat(outbox.pending(10)).hasSize(1);
    }

    @Test
    void a_record_named_only_by_an_identifier_nobody_holds_waits_for_its_person() throws SQLException {
        households.take(share("example-jobcentre", "JOBCENTRE_PLUS", """
                <BenefitSpell id="bs-waiting">
                  <Subject><Identifiers><NINumber>AB123456C</NINumber></Identifiers></Subject>
                  <Benefit>JOBSEEKERS_ALLOWANCE</Benefit>
                  <Role>CLAIMANT</Role>
                  <Spell><From>2026-01-05</From></Spell>
                </BenefitSpell>"""), headers("example-jobcentre"));
        assertThat(count("evidence_waiting")).isEqualTo(1);

        // the police name her, with her NI number: the benefit record joins her
        households.take(share("example-police", "POLICE", ASB.replace("<Gender>FEMALE</Gender>",
                "<Gender>FEMALE</Gender><Identifiers><NINumber>AB123456C</NINumber></Identifiers>")), headers("example-police"));
        assertThat(count("evidence_waiting")).isZero();
        households.take(share("example-school", "SCHOOL", ATTENDANCE), headers("example-school"));
        CaseType included = read(outbox.pending(10).get(0));
        assertThat(included.getDecision().getOutcome()).as("the waiting benefit record now counts").isEqualTo(DecisionOutcomeType.INCLUDED);
        assertThat(included.getStatus()).isEqualTo(CaseStatusType.NEW);
    }

    @Test
    void what_the_agreement_does_not_allow_the_family_team_is_removed_before_the_case_is_kept_and_the_audit_names_only_the_category() {
        // an agreement that lets the family team have everything but benefits
        java.util.Set<org.familygateway.model.v1.DataCategoryType> allowed = java.util.EnumSet.allOf(org.familygateway.model.v1.DataCategoryType.class);
        allowed.remove(org.familygateway.model.v1.DataCategoryType.BENEFITS);
        org.familygateway.agreement.Minimisation minimisation = org.familygateway.agreement.Minimisation.allowing(allowed);
        Pseudonyms pseudonyms = new Pseudonyms(new byte[32]);
        households = new HouseholdCases(database.dataSource(),
                PersonIndex.open(database.dataSource(), MatchSettings.DEFAULTS, pseudonyms, clock), xml, pseudonyms,
                RuleSetFile.read(Project.config().resolve("eligibility/national-2012.yaml"), Map.of()), audit,
                () -> built -> {
                    var kept = minimisation.apply(built);
                    return new CaseFilter.Filtered(kept.minimised(), kept.removed().stream().map(c -> c.value()).toList());
                }, clock);

        households.take(share("example-police", "POLICE", ASB), headers("example-police"));
        households.take(share("example-jobcentre", "JOBCENTRE_PLUS", JSA), headers("example-jobcentre"));
        households.take(share("example-school", "SCHOOL", ATTENDANCE), headers("example-school"));

        CaseType sent = read(outbox.pending(10).get(0));
        assertThat(sent.getDecision().getOutcome()).as("decided on all the evidence").isEqualTo(DecisionOutcomeType.INCLUDED);
        assertThat(sent.getRecord()).extracting(r -> r.getName().getLocalPart()).contains("AsbIntervention", "SchoolAttendance")
                .doesNotContain("BenefitSpell");
        assertThat(sent.getWithheld()).extracting(c -> c.value()).containsExactly("BENEFITS");
        assertThat(xml.write(org.familygateway.validation.MessageXml.ELEMENTS.createCase(sent))).asString(StandardCharsets.UTF_8)
                .doesNotContain("bs-1");
        assertThat(audit.latest(30)).filteredOn(e -> e.type() == AuditEventType.MINIMISED).singleElement()
                .satisfies(e -> assertThat(e.entry().detail()).endsWith("BENEFITS").doesNotContain("JOBSEEKERS", "AB123456C"));
    }

    @Test
    void asking_for_the_filter_in_force_may_write_to_the_audit_while_a_step_runs() {
        // as the agreement registry does when it finds an agreement file changed: the change is
        // audited in a transaction of its own. Asked inside the step's transaction (which holds the
        // log's head once it has appended), that waited for its own thread until the lock timed out,
        // and every message then in the audit's group commit failed with it (CI: INTERNAL_ERROR).
        Pseudonyms pseudonyms = new Pseudonyms(new byte[32]);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        households = new HouseholdCases(database.dataSource(),
                PersonIndex.open(database.dataSource(), MatchSettings.DEFAULTS, pseudonyms, clock), xml, pseudonyms,
                RuleSetFile.read(Project.config().resolve("eligibility/national-2012.yaml"), Map.of()), audit,
                () -> {
                    audit.append(org.familygateway.audit.AuditEntry.byActor(AuditEventType.AGREEMENT_CHANGED, "agreement files", null,
                            "changed in its file: ACTIVE -> ENDED (" + asked.incrementAndGet() + ")"));
                    return CaseFilter.none();
                }, clock);

        households.take(share("example-police", "POLICE", ASB), headers("example-police"));
        households.take(share("example-jobcentre", "JOBCENTRE_PLUS", JSA), headers("example-jobcentre"));
        households.take(share("example-school", "SCHOOL", ATTENDANCE), headers("example-school"));

        assertThat(asked).as("asked once per step").hasValue(3);
        assertThat(outbox.pending(10)).as("the steps committed the household's case").hasSize(1);
        assertThat(audit.latest(40)).filteredOn(e -> e.type() == AuditEventType.AGREEMENT_CHANGED).hasSize(3);
        assertThat(audit.latest(40)).filteredOn(e -> e.type() == AuditEventType.MATCHED).hasSize(3);
    }

    @Test
    void messages_handed_in_while_a_step_runs_are_taken_together_in_the_next_transaction() throws Exception {
        try (HeldFirstStep held = new HeldFirstStep()) {
            Future<List<CaseUpdate>> first = held.takeHeld(share("example-police", "POLICE", ASB), headers("example-police"));
            List<Future<List<CaseUpdate>>> queued = held.queueBehind(List.of(
                    Map.entry(share("example-jobcentre", "JOBCENTRE_PLUS", JSA), headers("example-jobcentre")),
                    Map.entry(share("example-school", "SCHOOL", ATTENDANCE), headers("example-school"))));
            held.release();

            assertThat(first.get(30, TimeUnit.SECONDS)).as("two of three criteria").isEmpty();
            List<CaseUpdate> made = new ArrayList<>();
            for (Future<List<CaseUpdate>> f : queued) {
                made.addAll(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(held.asked).as("one transaction for the held step, one for the two behind it").hasValue(2);
            assertThat(made).singleElement().satisfies(update -> assertThat(update.version()).isEqualTo(1));
            assertThat(outbox.pending(10)).singleElement()
                    .satisfies(update -> assertThat(read(update).getDecision().getOutcome()).isEqualTo(DecisionOutcomeType.INCLUDED));
            assertThat(audit.latest(40)).filteredOn(e -> e.type() == AuditEventType.MATCHED).hasSize(3);
        }
    }

    @Test
    void a_bad_message_in_a_transaction_fails_only_itself_and_the_others_are_taken_again_alone() throws Exception {
        try (HeldFirstStep held = new HeldFirstStep()) {
            Future<List<CaseUpdate>> first = held.takeHeld(share("example-police", "POLICE", ASB), headers("example-police"));
            Map<String, Object> unknownType = new java.util.HashMap<>(headers("example-health"));
            unknownType.put(Headers.MESSAGE_TYPE, "Prescription");
            List<Future<List<CaseUpdate>>> queued = held.queueBehind(List.of(
                    Map.entry(share("example-jobcentre", "JOBCENTRE_PLUS", JSA), headers("example-jobcentre")),
                    Map.entry(share("example-school", "SCHOOL", ATTENDANCE), headers("example-school")),
                    Map.entry(share("example-health", "HEALTH", ""), unknownType)));
            held.release();

            first.get(30, TimeUnit.SECONDS);
            queued.get(0).get(30, TimeUnit.SECONDS);
            queued.get(1).get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> queued.get(2).get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the household step does not take a Prescription");

            assertThat(held.asked).as("the held step; the three behind it, which failed whole; each of them again alone").hasValue(5);
            // the batch's people were undone in the database and in the index: taken again, they are
            // matched afresh, not to the people the undone transaction made
            assertThat(count("person")).as("Alex and Sam").isEqualTo(2);
            assertThat(count("agency_record")).as("a record of each person each partner names: Alex by the police and the jobcentre, Sam by the school")
                    .isEqualTo(3);
            assertThat(EvidenceLeftovers.discard(database.dataSource())).as("no evidence naming people who do not exist").isZero();
            assertThat(audit.latest(60)).as("the undone transaction's entries were not kept for the next")
                    .filteredOn(e -> e.type() == AuditEventType.MATCHED).hasSize(3);
            assertThat(outbox.pending(10)).singleElement()
                    .satisfies(update -> assertThat(read(update).getDecision().getOutcome()).isEqualTo(DecisionOutcomeType.INCLUDED));
        }
    }

    @Test
    void intake_audits_while_a_household_step_is_at_work() throws Exception {
        // the step's entries are appended when its work is done: the log's head is not held while it
        // matches and decides, so intake's entries (another transaction) do not wait for it
        CountDownLatch deciding = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        Pseudonyms pseudonyms = new Pseudonyms(new byte[32]);
        households = new HouseholdCases(database.dataSource(),
                PersonIndex.open(database.dataSource(), MatchSettings.DEFAULTS, pseudonyms, clock), xml, pseudonyms,
                RuleSetFile.read(Project.config().resolve("eligibility/national-2012.yaml"), Map.of()), audit, () -> built -> {
                    deciding.countDown();
                    try {
                        mayFinish.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new CaseFilter.Filtered(built, List.of());
                }, clock);
        ExecutorService step = Executors.newSingleThreadExecutor();
        try {
            Future<List<CaseUpdate>> taken = step.submit(() -> households.take(share("example-police", "POLICE", ASB), headers("example-police")));
            assertThat(deciding.await(30, TimeUnit.SECONDS)).as("the step matched and is deciding").isTrue();

            Future<?> intake = Executors.newSingleThreadExecutor().submit(() -> audit.record(AuditEventType.RECEIVED, headers("example-school")));
            intake.get(10, TimeUnit.SECONDS);

            mayFinish.countDown();
            taken.get(30, TimeUnit.SECONDS);
            assertThat(audit.latest(10)).extracting(e -> e.type())
                    .as("the intake's entry first; the step's when it was done").containsSubsequence(AuditEventType.MATCHED, AuditEventType.RECEIVED);
        } finally {
            mayFinish.countDown();
            step.shutdown();
        }
    }

    /**
     * The household step with its first transaction held (the filter for it asked, the step's lock
     * taken) until the test releases it, so that messages can be handed in behind it.
     */
    private final class HeldFirstStep implements AutoCloseable {
        final AtomicInteger asked = new AtomicInteger();
        private final CountDownLatch firstMayGo = new CountDownLatch(1);
        private final ExecutorService consumers = Executors.newCachedThreadPool();

        HeldFirstStep() {
            Pseudonyms pseudonyms = new Pseudonyms(new byte[32]);
            households = new HouseholdCases(database.dataSource(),
                    PersonIndex.open(database.dataSource(), MatchSettings.DEFAULTS, pseudonyms, clock), xml, pseudonyms,
                    RuleSetFile.read(Project.config().resolve("eligibility/national-2012.yaml"), Map.of()), audit, () -> {
                        if (asked.incrementAndGet() == 1) {
                            try {
                                firstMayGo.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        return CaseFilter.none();
                    }, clock);
        }

        Future<List<CaseUpdate>> takeHeld(byte[] body, Map<String, Object> headers) {
            Future<List<CaseUpdate>> taken = consumers.submit(() -> households.take(body, headers));
            await().atMost(Duration.ofSeconds(10)).until(() -> asked.get() == 1);
            return taken;
        }

        /** Hands in each message from a thread of its own, in order, each once the one before waits. */
        List<Future<List<CaseUpdate>>> queueBehind(List<Map.Entry<byte[], Map<String, Object>>> messages) {
            List<Future<List<CaseUpdate>>> taken = new ArrayList<>();
            for (Map.Entry<byte[], Map<String, Object>> message : messages) {
                AtomicReference<Thread> consumer = new AtomicReference<>();
                taken.add(consumers.submit(() -> {
                    consumer.set(Thread.currentThread());
                    return households.take(message.getKey(), message.getValue());
                }));
                await().atMost(Duration.ofSeconds(10)).until(() -> consumer.get() != null && consumer.get().getState() == Thread.State.WAITING);
            }
            return taken;
        }

        void release() {
            firstMayGo.countDown();
        }

        @Override
        public void close() {
            release();
            consumers.shutdown();
        }
    }

    private static final String ASB = """
            <AsbIntervention id="abc-1">
              <Subject>
                <Name><Forename>Alex</Forename><Surname>Example</Surname></Name>
                <DateOfBirth>1988-04-17</DateOfBirth>
                <Gender>FEMALE</Gender>
                <Address><Line>12 Example Road</Line><Town>Norwich</Town><Postcode>NR1 2AB</Postcode></Address>
              </Subject>
              <Kind>ACCEPTABLE_BEHAVIOUR_CONTRACT</Kind>
              <HousingRelated>false</HousingRelated>
              <IssuedBy>POLICE</IssuedBy>
              <Period><From>2026-03-01</From><To>2026-05-01</To></Period>
            </AsbIntervention>""";

    private static final String JSA = """
            <BenefitSpell id="bs-1">
              <Subject>
                <Name><Forename>Alex</Forename><Surname>Example</Surname></Name>
                <DateOfBirth>1988-04-17</DateOfBirth>
                <Gender>FEMALE</Gender>
                <Identifiers><NINumber>AB123456C</NINumber></Identifiers>
                <Address><Line>12 Example Road</Line><Postcode>NR1 2AB</Postcode></Address>
              </Subject>
              <Benefit>JOBSEEKERS_ALLOWANCE</Benefit>
              <Role>CLAIMANT</Role>
              <Spell><From>2026-01-05</From></Spell>
            </BenefitSpell>""";

    private static final String ATTENDANCE = """
            <SchoolAttendance id="att-AU">
              <Subject>
                <Name><Forename>Sam</Forename><Surname>Example</Surname></Name>
                <DateOfBirth>2012-09-03</DateOfBirth>
                <Gender>MALE</Gender>
                <Identifiers><UPN>U926200119001</UPN></Identifiers>
                <Address><Line>12 Example Road</Line><Postcode>NR1 2AB</Postcode></Address>
              </Subject>
              <SchoolUrn>120001</SchoolUrn>
              <Registration>MAIN</Registration>
              <Term><AcademicYear>2025/26</AcademicYear><Term>AUTUMN</Term></Term>
              <Covers><From>2025-09-03</From><To>2025-12-19</To></Covers>
              <SessionsPossible>144</SessionsPossible>
              <SessionsAuthorisedAbsence>6</SessionsAuthorisedAbsence>
              <SessionsUnauthorisedAbsence>24</SessionsUnauthorisedAbsence>
            </SchoolAttendance>
            <SchoolAttendance id="att-SP">
              <Subject><Identifiers><UPN>U926200119001</UPN></Identifiers></Subject>
              <SchoolUrn>120001</SchoolUrn>
              <Registration>MAIN</Registration>
              <Term><AcademicYear>2025/26</AcademicYear><Term>SPRING</Term></Term>
              <Covers><From>2026-01-05</From><To>2026-03-27</To></Covers>
              <SessionsPossible>118</SessionsPossible>
              <SessionsAuthorisedAbsence>4</SessionsAuthorisedAbsence>
              <SessionsUnauthorisedAbsence>19</SessionsUnauthorisedAbsence>
            </SchoolAttendance>
            <SchoolAttendance id="att-SU">
              <Subject><Identifiers><UPN>U926200119001</UPN></Identifiers></Subject>
              <SchoolUrn>120001</SchoolUrn>
              <Registration>MAIN</Registration>
              <Term><AcademicYear>2025/26</AcademicYear><Term>SUMMER</Term></Term>
              <Covers><From>2026-04-13</From><To>2026-07-22</To></Covers>
              <SessionsPossible>136</SessionsPossible>
              <SessionsAuthorisedAbsence>2</SessionsAuthorisedAbsence>
              <SessionsUnauthorisedAbsence>21</SessionsUnauthorisedAbsence>
            </SchoolAttendance>""";

    private byte[] share(String partner, String kind, String records) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <InformationShare xmlns="urn:familygateway:v1">
                  <ShareHeader>
                    <MessageId>share-%s</MessageId>
                    <CreatedAt>%sT06:00:00Z</CreatedAt>
                    <Sender><PartnerId>%s</PartnerId><Name>An example partner</Name><Kind>%s</Kind></Sender>
                  </ShareHeader>
                %s
                </InformationShare>
                """).formatted(UUID.randomUUID(), LocalDate.now(clock), partner, kind, records).strip().getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> headers(String partner) {
        return headers(partner, "InformationShare");
    }

    private Map<String, Object> headers(String partner, String messageType) {
        return Map.of(Headers.MESSAGE_TYPE, messageType, Headers.PARTNER_ID, partner, Headers.RECEIPT_ID, UUID.randomUUID().toString(),
                Headers.CHANNEL, "SFTP", Headers.RECEIVED_AT, clock.instant().toString(), Headers.SENDER_MESSAGE_ID, "m-" + UUID.randomUUID());
    }

    private CaseType read(CaseUpdate update) {
        return xml.read(update.xml(), CaseType.class);
    }

    private long count(String table) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             ResultSet rows = connection.createStatement().executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
