package org.familygateway.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.familygateway.app.Database;
import org.familygateway.audit.AuditTrail;
import org.familygateway.cases.CaseFilter;
import org.familygateway.cases.CaseOutbox;
import org.familygateway.cases.HouseholdCases;
import org.familygateway.eligibility.RuleSetFile;
import org.familygateway.matching.MatchSettings;
import org.familygateway.matching.PersonIndex;
import org.familygateway.model.Headers;
import org.familygateway.model.Pseudonyms;
import org.familygateway.testing.Project;
import org.familygateway.testing.TestDatabases;
import org.familygateway.validation.MessageXml;

/**
 * The household step on its own, as the pipeline runs it: for each of N families a referral (two
 * members), a police share and a Jobcentre share, each matched, kept, decided by national 2012 and
 * turned into a case version, one database transaction each, the audit entries included.
 * Prints messages per second and the versions made.
 *
 *   benchmarks/run HouseholdStepBenchmark -Xmx1g -- --families 2000 [--postgres]
 */
public final class HouseholdStepBenchmark {

    private static final String[] FORENAMES = {"Alex", "Sam", "Jordan", "Casey", "Riley", "Morgan", "Taylor", "Jamie", "Robin", "Charlie"};
    private static final String[] SURNAMES = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Wright"};

    private HouseholdStepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        int families = Integer.parseInt(options.getOrDefault("families", "2000"));
        boolean postgres = options.containsKey("postgres");
        Path folder = Files.createTempDirectory("household-step-");
        TestDatabases.Target target = TestDatabases.fresh(postgres ? TestDatabases.Kind.POSTGRESQL : TestDatabases.Kind.H2, folder);
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
        System.out.printf("JVM: %d processors, max heap %d MiB; database %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, postgres ? "PostgreSQL" : "H2 file");
        try (Database database = Database.open(target.url(), target.user(), target.password())) {
            Pseudonyms pseudonyms = new Pseudonyms(new byte[32]);
            HouseholdCases step = new HouseholdCases(database.dataSource(),
                    PersonIndex.open(database.dataSource(), MatchSettings.DEFAULTS, pseudonyms, clock), new MessageXml(10_000_000),
                    pseudonyms, RuleSetFile.read(Project.config().resolve("eligibility/national-2012.yaml"), Map.of()),
                    new AuditTrail(database.dataSource(), clock), CaseFilter::none, clock);
            Random random = new Random(42);
            run(step, clock, random, 200, "warm-up");
            long start = System.nanoTime();
            int versions = run(step, clock, random, families, "measured");
            double seconds = (System.nanoTime() - start) / 1e9;
            int messages = families * 3;
            System.out.printf("%d families, %d messages (a referral and two shares each) in %.1f s = %.0f messages/s; %d case versions made;"
                    + " %d in the outbox%n", families, messages, seconds, messages / seconds, versions,
                    new CaseOutbox(database.dataSource(), clock).backlog());
            System.out.printf("heap in use at the end: %d MiB%n", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        }
    }

    private static int run(HouseholdCases step, Clock clock, Random random, int families, String label) {
        int versions = 0;
        for (int i = 0; i < families; i++) {
            String forename = FORENAMES[random.nextInt(FORENAMES.length)];
            String surname = SURNAMES[random.nextInt(SURNAMES.length)] + "-" + label.charAt(0) + i;
            String ni = String.format("AB%06dC", random.nextInt(1_000_000));
            String postcode = String.format("NR%d %d%s", 1 + random.nextInt(30), random.nextInt(10), "AB");
            String line = (1 + random.nextInt(200)) + " " + SURNAMES[random.nextInt(SURNAMES.length)] + " Road";
            LocalDate born = LocalDate.of(1975 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(28));
            versions += step.take(referral(forename, surname, born, ni, line, postcode), headers("example-school", "Referral", clock)).size();
            versions += step.take(share("example-police", "POLICE", """
                    <AsbIntervention id="abc-%s">
                      <Subject><Name><Forename>%s</Forename><Surname>%s</Surname></Name><DateOfBirth>%s</DateOfBirth>
                        <Address><Line>%s</Line><Postcode>%s</Postcode></Address></Subject>
                      <Kind>ACCEPTABLE_BEHAVIOUR_CONTRACT</Kind><HousingRelated>false</HousingRelated><IssuedBy>POLICE</IssuedBy>
                      <Period><From>2026-09-01</From></Period>
                    </AsbIntervention>""".formatted(label + i, forename, surname, born, line, postcode)), headers("example-police",
                    "InformationShare", clock)).size();
            versions += step.take(share("example-jobcentre", "JOBCENTRE_PLUS", """
                    <BenefitSpell id="bs-%s">
                      <Subject><Identifiers><NINumber>%s</NINumber></Identifiers></Subject>
                      <Benefit>JOBSEEKERS_ALLOWANCE</Benefit><Role>CLAIMANT</Role><Spell><From>2026-03-01</From></Spell>
                    </BenefitSpell>""".formatted(label + i, ni)), headers("example-jobcentre", "InformationShare", clock)).size();
        }
        return versions;
    }

    private static byte[] referral(String forename, String surname, LocalDate born, String ni, String line, String postcode) {
        return ("""
                <Referral xmlns="urn:familygateway:v1">
                  <MessageId>ref-%s</MessageId><CreatedAt>2026-11-20T09:00:00Z</CreatedAt>
                  <Referrer><Agency><PartnerId>example-school</PartnerId><Name>School</Name><Kind>SCHOOL</Kind></Agency>
                    <Practitioner><Name>A Teacher</Name><Role>Designated safeguarding lead</Role><Email>dsl@school.example</Email></Practitioner></Referrer>
                  <Household><Address><Line>%s</Line><Postcode>%s</Postcode></Address>
                    <Member ref="p1"><Name><Forename>%s</Forename><Surname>%s</Surname></Name><DateOfBirth>%s</DateOfBirth>
                      <Gender>FEMALE</Gender><RoleInHousehold>PARENT_OR_CARER</RoleInHousehold><Identifiers><NINumber>%s</NINumber></Identifiers></Member>
                    <Member ref="p2"><Name><Forename>Kid</Forename><Surname>%s</Surname></Name><DateOfBirth>2014-05-05</DateOfBirth>
                      <Gender>MALE</Gender><RoleInHousehold>CHILD</RoleInHousehold></Member>
                  </Household>
                  <Concern><Indicator>PARENTING</Indicator><Member>p1</Member><ObservedOn>2026-11-01</ObservedOn></Concern>
                  <LawfulBasis><Article6Basis>PUBLIC_TASK</Article6Basis><StatutoryGateway>CHILDREN_ACT_2004_S10</StatutoryGateway><Justification>Co-ordinating early help.</Justification></LawfulBasis>
                </Referral>""").formatted(java.util.UUID.randomUUID(), line, postcode, forename, surname, born, ni, surname)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] share(String partner, String kind, String records) {
        return ("""
                <InformationShare xmlns="urn:familygateway:v1">
                  <ShareHeader><MessageId>share-%s</MessageId><CreatedAt>2026-11-20T06:00:00Z</CreatedAt>
                    <Sender><PartnerId>%s</PartnerId><Name>Partner</Name><Kind>%s</Kind></Sender></ShareHeader>
                %s
                </InformationShare>""").formatted(java.util.UUID.randomUUID(), partner, kind, records).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> headers(String partner, String type, Clock clock) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(Headers.MESSAGE_TYPE, type);
        headers.put(Headers.PARTNER_ID, partner);
        headers.put(Headers.RECEIPT_ID, java.util.UUID.randomUUID().toString());
        headers.put(Headers.CHANNEL, "SFTP");
        headers.put(Headers.RECEIVED_AT, clock.instant().toString());
        headers.put(Headers.SENDER_MESSAGE_ID, "m");
        return headers;
    }
}
