package org.familygateway.cases;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;
import org.familygateway.eligibility.RuleSet;
import org.familygateway.matching.Households;
import org.familygateway.matching.PersonIndex;
import org.familygateway.model.GroupCommit;
import org.familygateway.model.Headers;
import org.familygateway.model.Pseudonyms;
import org.familygateway.model.Transactions;
import org.familygateway.model.v1.ConsentChangeType;
import org.familygateway.model.v1.ConsentUpdateType;
import org.familygateway.model.v1.InformationShareType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.validation.MessageXml;

/**
 * The household step: evidence in, one case per household out. Each accepted referral, share chunk
 * or consent update is matched to people, kept as evidence, and every household it touches is
 * decided again by the configured rule set; a household whose case changed gets a new version.
 *
 * <p>Everything one message does (people and records matched, evidence kept, case state, the
 * versions made, and the audit entries saying so) commits in one database transaction, and the
 * versions wait in that same database (the outbox, {@link CaseOutbox}) to be published. The broker
 * transaction that consumed the message commits after it; if that fails, the message comes again,
 * finds its evidence already kept, and adds nothing. So a crash between the two loses nothing and
 * repeats nothing.
 *
 * <p>Messages handed in while a transaction runs (the pipeline has several consumers, each waiting
 * with its own broker transaction) are taken together, in the order they came, in the next one
 * ({@link GroupCommit}): one lock and one commit for all of them. Each caller still returns only
 * once its message has committed, so its broker transaction still commits after the database's. If
 * the transaction fails, each of its messages is taken again alone, so a bad message fails only
 * itself.
 *
 * <p>One transaction runs at a time across all gateway instances (they take the household_step
 * row's lock): the people index lives in each instance's memory, so two instances must not match at
 * once, and evidence about one household arriving at two instances at once still makes one case.
 * An instance that finds another wrote since it last did reloads its index first.
 *
 * <p>This class runs each step in its transaction; the work is EvidenceIntake's (people matched,
 * evidence kept) and then CaseDecisions' (households decided, versions made).
 */
public final class HouseholdCases {

    /** Households reviewed per run of the re-evaluation, so one run never holds the lock for long. */
    private static final int REVIEWS_PER_RUN = 500;

    /**
     * Most messages taken in one transaction: the pipeline's consumers hand in one message each, and
     * those that wait while a transaction runs go together in the next one (one lock, one commit).
     */
    private static final int MAX_STEPS_PER_TRANSACTION = 16;

    private final DataSource dataSource;
    private final PersonIndex people;
    private final MessageXml xml;
    private final AuditTrail audit;
    private final Supplier<CaseFilter> filters;
    private final Clock clock;
    private final String instance;
    private final StepAudit stepAudit;
    private final GroupCommit<Step, List<CaseUpdate>> steps = new GroupCommit<>(MAX_STEPS_PER_TRANSACTION, this::inOneTransaction);
    private final EvidenceIntake intake;
    private final CaseDecisions decisions;

    public HouseholdCases(DataSource dataSource, PersonIndex people, MessageXml xml, Pseudonyms pseudonyms, RuleSet rules,
            AuditTrail audit, Supplier<CaseFilter> filters, Clock clock) {
        this.dataSource = dataSource;
        this.people = people;
        this.xml = xml;
        this.audit = audit;
        this.filters = filters;
        this.clock = clock;
        this.instance = "gateway-" + UUID.randomUUID();
        this.stepAudit = new StepAudit(pseudonyms);
        Households households = new Households(dataSource);
        this.intake = new EvidenceIntake(people, households, xml, stepAudit, clock);
        this.decisions = new CaseDecisions(households, xml, pseudonyms, Objects.requireNonNull(rules, "rules"), stepAudit, clock);
    }

    /** The case id of a household: the same household always has the same case. */
    public static String caseIdFor(long householdId) {
        return "case-" + UUID.nameUUIDFromBytes(("household:" + householdId).getBytes(StandardCharsets.UTF_8));
    }

    /** Takes in an accepted referral or share chunk; returns the case versions to send. */
    public List<CaseUpdate> take(byte[] body, Map<String, Object> headers) {
        return steps.submit(new Step(headers, (connection, filter) -> {
            String type = EvidenceIntake.text(headers, Headers.MESSAGE_TYPE);
            Set<Long> touched = switch (type) {
                case "Referral" -> intake.referral(connection, xml.read(body, ReferralType.class), headers);
                case "InformationShare" -> intake.share(connection, xml.read(body, InformationShareType.class), headers);
                default -> throw new IllegalArgumentException("the household step does not take a " + type);
            };
            return decisions.decideFor(connection, filter, touched, headers);
        }));
    }

    /** Takes in an accepted consent update: a withdrawal ends the household's case; consent given again resumes it. */
    public List<CaseUpdate> consent(byte[] body, Map<String, Object> headers) {
        return steps.submit(new Step(headers, (connection, filter) -> {
            ConsentUpdateType update = xml.read(body, ConsentUpdateType.class);
            String partner = EvidenceIntake.text(headers, Headers.PARTNER_ID);
            if (EvidenceStore.holds(connection, partner, update.getMessageId(), Evidence.NO_RECORD)) {
                return List.of(); // taken in before (a redelivery after the database committed): its versions are in the outbox
            }
            Map<String, Long> named = intake.namedPeople(connection, update, partner);
            Evidence evidence = intake.evidence(headers, update.getSender().getKind().value(), update.getMessageId(), Evidence.NO_RECORD,
                    Evidence.Kind.CONSENT, update.getChange().value(), null, xml.write(MessageXml.ELEMENTS.createConsentUpdate(update)), named);
            EvidenceStore.add(connection, evidence, null);
            Set<Long> affected = decisions.householdsOf(connection, named.values());
            List<CaseUpdate> updates = new ArrayList<>();
            if (update.getChange() == ConsentChangeType.WITHDRAWN) {
                LocalDate on = update.getWithdrawal().getWithdrawnOn();
                for (long household : affected) {
                    updates.addAll(decisions.withdraw(connection, household, on, evidence, headers));
                }
                if (affected.isEmpty()) {
                    // nobody it names is known: nothing to stop, but their evidence (none) and the withdrawal are on record
                    EvidenceStore.restrict(connection, named.values(), clock.instant());
                    stepAudit.add(StepAudit.entry(AuditEventType.CONSENT_WITHDRAWN, headers, null,
                            "consent withdrawn for people the gateway holds no household for; nothing was forwarded", stepAudit.subjectsOf(named.values())));
                }
                return updates;
            }
            for (long household : affected) {
                CaseStore.State state = CaseStore.state(connection, household).orElse(null);
                if (state != null && state.withdrawn()) {
                    decisions.restore(connection, household, state, headers);
                }
                // households, not people: decideFor takes people and finds their households
                updates.addAll(decisions.decide(connection, filter, household, headers));
            }
            return updates;
        }));
    }

    /** The household step's transactions so far (one at a time): how many, the messages in them, the time in them. */
    public GroupCommit.Activity activity() {
        return steps.activity();
    }

    /** Decides again the households whose evidence aged in or out of the rules' windows by today. */
    public List<CaseUpdate> reviewDue() {
        return steps.submit(new Step(Map.of(), (connection, filter) -> {
            List<CaseUpdate> updates = new ArrayList<>();
            for (long household : CaseStore.dueForReview(connection, today(), REVIEWS_PER_RUN)) {
                updates.addAll(decisions.decide(connection, filter, household, Map.of()));
            }
            return updates;
        }));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private interface Work {
        List<CaseUpdate> in(Connection connection, CaseFilter filter) throws SQLException;
    }

    /** One message's (or one review's) work, and the headers of the message it was for (none for a review). */
    private record Step(Map<String, Object> headers, Work work) {
    }

    /**
     * Runs steps in one transaction under the household step's lock, in the order they came. Once
     * it commits, the audit's observers (metrics) are told of the versions each forwarded. If it
     * fails, the people index (which the steps changed in memory) is read again from the database.
     */
    private List<List<CaseUpdate>> inOneTransaction(List<Step> batch) {
        // asked before the transaction begins: asking may find changed agreement files and audit the
        // change in a transaction of its own, which waits for the log's head this one may hold
        CaseFilter filter = filters.get();
        try (Connection connection = dataSource.getConnection()) {
            List<List<CaseUpdate>> results;
            try {
                results = Transactions.inTransaction(connection, c -> {
                    if (CaseStore.lockStep(c, instance, clock.instant())) {
                        people.reload();
                    }
                    List<List<CaseUpdate>> each = new ArrayList<>();
                    for (Step step : batch) {
                        each.add(step.work().in(c, filter));
                    }
                    stepAudit.appendKept(audit, c);
                    return each;
                });
            } catch (SQLException | RuntimeException e) {
                stepAudit.forgetKept();
                people.reload();
                throw e;
            }
            for (int i = 0; i < batch.size(); i++) {
                Map<String, Object> headers = batch.get(i).headers();
                if (!results.get(i).isEmpty() && !headers.isEmpty()) {
                    audit.committed(AuditEventType.FORWARDED, headers);
                }
            }
            return results;
        } catch (SQLException e) {
            throw new IllegalStateException("the household step could not use the database", e);
        }
    }
}
