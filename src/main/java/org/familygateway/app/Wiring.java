package org.familygateway.app;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.apache.cxf.Bus;
import org.familygateway.agreement.AgreementRegistry;
import org.familygateway.agreement.AgreementUsage;
import org.familygateway.agreement.Minimisation;
import org.familygateway.agreement.Minimised;
import org.familygateway.agreement.StatusChanges;
import org.familygateway.audit.AuditTrail;
import org.familygateway.cases.CaseFilter;
import org.familygateway.cases.CaseOutbox;
import org.familygateway.cases.HouseholdCases;
import org.familygateway.eligibility.RuleSet;
import org.familygateway.eligibility.RuleSetFile;
import org.familygateway.matching.PersonIndex;
import org.familygateway.model.v1.DataCategoryType;
import org.familygateway.model.v1.RecipientType;
import org.familygateway.intake.Admissions;
import org.familygateway.intake.ArrivalRetries;
import org.familygateway.intake.Capacity;
import org.familygateway.intake.Quarantine;
import org.familygateway.intake.ReceiptArchive;
import org.familygateway.model.Pseudonyms;
import org.familygateway.intake.Receipts;
import org.familygateway.intake.RejectedMessages;
import org.familygateway.intake.SftpFolders;
import org.familygateway.intake.SftpIntakeServer;
import org.familygateway.intake.SftpReceipts;
import org.familygateway.intake.SftpSubmissions;
import org.familygateway.intake.SoapEndpoints;
import org.familygateway.intake.SoapSubmissions;
import org.familygateway.intake.WorkFolders;
import org.familygateway.trust.CertificatePaths;
import org.familygateway.trust.CertificateExpiry;
import org.familygateway.trust.CmsVerifier;
import org.familygateway.trust.MessageIds;
import org.familygateway.trust.PartnerDirectory;
import org.familygateway.trust.Pem;
import org.familygateway.trust.ReceiptSigner;
import org.familygateway.trust.SigningTimeWindow;
import org.familygateway.trust.SoapSignatureVerification;
import org.familygateway.validation.SubmissionReader;
import org.familygateway.validation.MessageXml;

/** Builds the gateway's parts from its settings and names them for the routes. */
final class Wiring {

    /** Records per message when a share goes on to the broker, and rejected records listed in a receipt. */
    private static final int SHARE_CHUNK_RECORDS = 500;
    private static final int LISTED_REJECTIONS = 1000;
    /** How long a message id claimed by a delivery that never finished (a crash) blocks a resend. */
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(2);
    /** How long an SFTP arrival that could not be answered waits before its second try; each further wait doubles. */
    private static final Duration ARRIVAL_FIRST_BACK_OFF = Duration.ofSeconds(5);
    /** The longest an SFTP arrival waits between tries, however often it has failed. */
    private static final Duration ARRIVAL_LONGEST_BACK_OFF = Duration.ofMinutes(10);
    /** How long an SFTP arrival may keep failing before the SFTP health check reports DOWN. */
    private static final Duration ARRIVAL_UNHEALTHY_AFTER = Duration.ofMinutes(5);

    /** SFTP arrivals that could not be answered: their back-off, and the SFTP health check's view of them. */
    private final ArrivalRetries arrivalRetries;

    private final GatewaySettings settings;
    private final Clock clock;
    private final AuditTrail audit;
    private final SftpFolders folders;
    private final Supplier<ProducerTemplate> producer;
    private final Capacity capacity;
    private final PartnerDirectory partners;
    private final CertificatePaths paths;
    private Pseudonyms pseudonyms;
    private HouseholdCases households;

    private final DataSource dataSource;
    private final MessageIds messageIds;

    Wiring(GatewaySettings settings, Clock clock, DataSource dataSource, AuditTrail audit, SftpFolders folders,
           Supplier<ProducerTemplate> producer, Capacity capacity) {
        this.capacity = capacity;
        this.dataSource = dataSource;
        this.messageIds = new MessageIds(dataSource, clock, CLAIM_LEASE, Duration.ofDays(settings.trustOrDefault().replayWindow()),
                InstanceName.of(settings.dataDir()));
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
        this.folders = folders;
        this.producer = producer;
        this.partners = PartnersFile.load(settings.partners());
        this.paths = TrustParts.certificatePaths(settings, clock);
        this.arrivalRetries = new ArrivalRetries(clock, ARRIVAL_FIRST_BACK_OFF, ARRIVAL_LONGEST_BACK_OFF, ARRIVAL_UNHEALTHY_AFTER);
    }

    ArrivalRetries arrivalRetries() {
        return arrivalRetries;
    }

    /** The household step, once bound. */
    HouseholdCases households() {
        return households;
    }

    /** Names every bean the routes call; the names are the ones used in routes/. */
    void bindInto(Main camel, Bus bus) {
        long largestMessage = Math.max(settings.soap().maxMessageBytes(), settings.sftp().maxFileBytes());
        MessageXml xml = new MessageXml(largestMessage);
        Receipts receipts = new Receipts(xml, new ReceiptSigner(
                Pem.privateKey(settings.receipts().signingKey()), Pem.certificate(settings.receipts().signingCertificate())),
                new ReceiptArchive(dataSource, clock), audit);
        // block=false: with the quarantine route not running (the gateway stopping, say) the caller fails at once and tells
        // the partner to resend, where Camel's default would hold the partner's request for 30 s and then fail anyway
        Quarantine quarantine = (asReceived, headers) ->
                producer.get().sendBodyAndHeaders("direct:quarantine?block=false", asReceived, headers);

        GatewaySettings.Soap soap = settings.soap();
        SoapEndpoints.useTls(bus, soap.host(), soap.port(), Pem.privateKey(soap.tlsKey()), Pem.certificates(soap.tlsCertificate()),
                soap.clientCertificateMode(), TrustParts.anchors(settings));
        camel.bind("soapEndpoint", SoapEndpoints.submissions(bus, soap.address(), soap.maxMessageBytes(), clock, audit,
                new SoapSignatureVerification(partners, paths), SoapEndpoints.faults(receipts, xml, audit, quarantine), capacity));
        camel.bind("soapSubmissions", new SoapSubmissions(receipts, xml));
        WorkFolders work = new WorkFolders(settings.dataDir().resolve("work").toAbsolutePath());
        camel.bind("sftpSubmissions", new SftpSubmissions(partners, new CmsVerifier(partners, paths,
                new SigningTimeWindow(Duration.ofDays(settings.trustOrDefault().replayWindow()), clock)), settings.sftp().maxFileBytes(), work, audit));
        camel.bind("sftpReceipts", new SftpReceipts(receipts, folders));
        camel.bind("arrivalRetries", arrivalRetries);
        camel.bind("rejectedMessages", new RejectedMessages());
        AgreementRegistry agreements = agreements();
        camel.bind("agreements", agreements);
        camel.bind("admissions", new Admissions(() -> new SubmissionReader(largestMessage, soap.maxMessageBytes(),
                SHARE_CHUNK_RECORDS, LISTED_REJECTIONS), work, audit, quarantine, messageIds, agreements,
                new AgreementUsage(dataSource, clock), xml));
        households = householdCases(xml, agreements);
        camel.bind("householdCases", households);
        camel.bind("caseOutbox", new CaseOutbox(dataSource, clock, InstanceName.of(settings.dataDir())));
        camel.bind("audit", audit);
        camel.bind("pseudonyms", pseudonyms());
    }

    /**
     * The household step: the people index (loaded from the database now, which takes a while on a
     * large index), the rule set households are decided by, and minimisation: what the agreements in
     * force let the family team receive, applied to every case version before it is kept and sent.
     */
    private HouseholdCases householdCases(MessageXml xml, AgreementRegistry agreements) {
        GatewaySettings.Eligibility eligibility = settings.eligibility();
        RuleSet rules = RuleSetFile.read(eligibility.ruleSet(), eligibility.parametersOrNone());
        PersonIndex people = PersonIndex.open(dataSource, settings.matching().settings(), pseudonyms(), clock);
        Supplier<CaseFilter> minimisation = () -> {
            Minimisation inForce = Minimisation.forRecipient(agreements.get(), RecipientType.FAMILY_TEAM, LocalDate.now(clock));
            return built -> {
                Minimised kept = inForce.apply(built);
                return new CaseFilter.Filtered(kept.minimised(), kept.removed().stream().map(DataCategoryType::value).sorted().toList());
            };
        };
        return new HouseholdCases(dataSource, people, xml, pseudonyms(), rules, audit, minimisation, clock);
    }

    /**
     * The agreements in config/agreements/, re-read when a file changes, with the suspensions and
     * ends made by command; read once here so that a broken folder stops the start.
     */
    private AgreementRegistry agreements() {
        AgreementRegistry registry = new AgreementRegistry(new AgreementsFolder(settings.agreements()),
                new StatusChanges(dataSource, clock), audit);
        registry.get();
        return registry;
    }

    /** One Pseudonyms for the routes and the IG console (which turns typed identifiers into pseudonyms). */
    synchronized Pseudonyms pseudonyms() {
        if (pseudonyms == null) {
            pseudonyms = new Pseudonyms(PseudonymKey.load(settings));
        }
        return pseudonyms;
    }

    DailyChecks dailyChecks() {
        return new DailyChecks(new CertificateExpiry(TrustParts.heldCertificates(settings, partners), clock),
                Duration.ofDays(settings.trustOrDefault().expiryWarning()), messageIds);
    }

    SftpIntakeServer sftpServer(SftpFolders sftpFolders) {
        GatewaySettings.Sftp sftp = settings.sftp();
        return new SftpIntakeServer(sftp.host(), sftp.port(), sftp.hostKey(), partners, sftpFolders, sftp.maxFileBytes(),
                sftp.openHandleLimit(), capacity);
    }
}
