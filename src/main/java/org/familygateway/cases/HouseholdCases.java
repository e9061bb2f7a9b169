package org.familygateway.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.xml.bind.JAXBElement;

import org.familygateway.audit.AuditEntry;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;
import org.familygateway.eligibility.Decision;
import org.familygateway.eligibility.Evaluator;
import org.familygateway.eligibility.Reevaluation;
import org.familygateway.eligibility.RuleSet;
import org.familygateway.matching.AgencyRecord;
import org.familygateway.matching.Households;
import org.familygateway.matching.MatchOutcome;
import org.familygateway.matching.MatchResult;
import org.familygateway.matching.People;
import org.familygateway.matching.PersonIndex;
import org.familygateway.matching.ReferralRecords;
import org.familygateway.matching.SubjectRecords;
import org.familygateway.model.Headers;
import org.familygateway.model.Pseudonyms;
import org.familygateway.model.Transactions;
import org.familygateway.model.v1.CaseStatusType;
import org.familygateway.model.v1.CaseType;
import org.familygateway.model.v1.ConsentChangeType;
import org.familygateway.model.v1.ConsentUpdateType;
import org.familygateway.model.v1.DecisionOutcomeType;
import org.familygateway.model.v1.InformationShareType;
import org.familygateway.model.v1.PersonType;
import org.familygateway.model.v1.RecordType;
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
 * <p>One transaction runs at a time across all gateway instances (they take the household_step
 * row's lock): the people index lives in each instance's memory, so two instances must not match at
 * once, and evidence about one household arriving at two instances at once still makes one case.
 * An instance that finds another wrote since it last did reloads its index first.
 */
public final class HouseholdCases {

    /** Households reviewed per run of the re-evaluation, so one run never holds the lock for long. */
    private static final int REVIEWS_PER_RUN = 500;
    /**
     * How far ahead the day a decision may change is looked for; with no change in that time the
     * household is looked at again when it has passed (a birthday years away is found in steps).
     */
    private static final int REVIEW_HORIZON_MONTHS = 6;

    private final DataSource dataSource;
    private final PersonIndex people;
    private final Households households;
    private final MessageXml xml;
    private final Pseudonyms pseudonyms;
    private final RuleSet rules;
    private final AuditTrail audit;
    private final Supplier<CaseFilter> filters;
    private final Clock clock;
    private final String instance;
    private final StepAudit steps;

    public HouseholdCases(DataSource dataSource, PersonIndex people, MessageXml xml, Pseudonyms pseudonyms, RuleSet rules,
            AuditTrail audit, Supplier<CaseFilter> filters, Clock clock) {
        this.dataSource = dataSource;
        this.people = people;
        this.households = new Households(dataSource);
        this.xml = xml;
        this.pseudonyms = pseudonyms;
        this.rules = Objects.requireNonNull(rules, "rules");
        this.audit = audit;
        this.filters = filters;
        this.clock = clock;
        this.instance = "gateway-" + UUID.randomUUID();
        this.steps = new StepAudit(pseudonyms);
    }

    /** The case id of a household: the same household always has the same case. */
    public static String caseIdFor(long householdId) {
        return "case-" + UUID.nameUUIDFromBytes(("household:" + householdId).getBytes(StandardCharsets.UTF_8));
    }

    /** Takes in an accepted referral or share chunk; returns the case versions to send. */
    public synchronized List<CaseUpdate> take(byte[] body, Map<String, Object> headers) {
        return inTransaction(headers, (connection, filter) -> {
            String type = text(headers, Headers.MESSAGE_TYPE);
            Set<Long> touched = switch (type) {
                case "Referral" -> referral(connection, xml.read(body, ReferralType.class), headers);
                case "InformationShare" -> share(connection, xml.read(body, InformationShareType.class), headers);
                default -> throw new IllegalArgumentException("the household step does not take a " + type);
            };
            return decideFor(connection, filter, touched, headers);
        });
    }

    /** Takes in an accepted consent update: a withdrawal ends the household's case; consent given again resumes it. */
    public synchronized List<CaseUpdate> consent(byte[] body, Map<String, Object> headers) {
        return inTransaction(headers, (connection, filter) -> {
            ConsentUpdateType update = xml.read(body, ConsentUpdateType.class);
            String partner = text(headers, Headers.PARTNER_ID);
            if (EvidenceStore.holds(connection, partner, update.getMessageId(), Evidence.NO_RECORD)) {
                return List.of(); // taken in before (a redelivery after the database committed): its versions are in the outbox
            }
            Map<String, Long> named = namedPeople(connection, update, partner);
            Evidence evidence = evidence(headers, update.getSender().getKind().value(), update.getMessageId(), Evidence.NO_RECORD,
                    Evidence.Kind.CONSENT, update.getChange().value(), null, xml.write(MessageXml.ELEMENTS.createConsentUpdate(update)), named);
            EvidenceStore.add(connection, evidence, null);
            Set<Long> affected = householdsOf(connection, named.values());
            List<CaseUpdate> updates = new ArrayList<>();
            if (update.getChange() == ConsentChangeType.WITHDRAWN) {
                LocalDate on = update.getWithdrawal().getWithdrawnOn();
                for (long household : affected) {
                    updates.addAll(withdraw(connection, household, on, evidence, headers));
                }
                if (affected.isEmpty()) {
                    // nobody it names is known: nothing to stop, but their evidence (none) and the withdrawal are on record
                    EvidenceStore.restrict(connection, named.values(), clock.instant());
                    audit.append(connection, StepAudit.entry(AuditEventType.CONSENT_WITHDRAWN, headers, null,
                            "consent withdrawn for people the gateway holds no household for; nothing was forwarded", steps.subjectsOf(named.values())));
                }
                return updates;
            }
            for (long household : affected) {
                CaseStore.State state = CaseStore.state(connection, household).orElse(null);
                if (state != null && state.withdrawn()) {
                    restore(connection, household, state, headers);
                }
            }
            updates.addAll(decideFor(connection, filter, affected, headers));
            return updates;
        });
    }

    /** Decides again the households whose evidence aged in or out of the rules' windows by today. */
    public synchronized List<CaseUpdate> reviewDue() {
        return inTransaction(Map.of(), (connection, filter) -> {
            List<CaseUpdate> updates = new ArrayList<>();
            for (long household : CaseStore.dueForReview(connection, today(), REVIEWS_PER_RUN)) {
                updates.addAll(decide(connection, filter, household, Map.of()));
            }
            return updates;
        });
    }

    // --- taking evidence in

    private Set<Long> referral(Connection connection, ReferralType referral, Map<String, Object> headers) throws SQLException {
        String partner = text(headers, Headers.PARTNER_ID);
        if (EvidenceStore.holds(connection, partner, referral.getMessageId(), Evidence.NO_RECORD)) {
            return Set.copyOf(EvidenceStore.peopleOfReferral(connection, partner, referral.getMessageId()).orElse(List.of()));
        }
        List<AgencyRecord> records = ReferralRecords.of(referral);
        List<MatchResult> results = people.matchAll(connection, records);
        Map<String, Long> named = new LinkedHashMap<>();
        List<PersonType> members = referral.getHousehold().getMember();
        Set<Long> touched = new LinkedHashSet<>();
        for (int i = 0; i < members.size(); i++) {
            long person = results.get(i).personId();
            named.put(members.get(i).getRef(), person);
            touched.add(person);
            EvidenceStore.claimWaiting(connection, PersonIndex.identifierKeys(records.get(i)), person);
        }
        EvidenceStore.add(connection, evidence(headers, referral.getReferrer().getAgency().getKind().value(), referral.getMessageId(),
                Evidence.NO_RECORD, Evidence.Kind.REFERRAL, "NEW", null, xml.write(MessageXml.ELEMENTS.createReferral(referral)), named), null);
        audit.append(connection, steps.matched(headers, records, results));
        return touched;
    }

    private Set<Long> share(Connection connection, InformationShareType share, Map<String, Object> headers) throws SQLException {
        String partner = text(headers, Headers.PARTNER_ID);
        String messageId = share.getShareHeader().getMessageId();
        String agency = share.getShareHeader().getSender().getKind().value();
        LocalDate asOf = share.getShareHeader().getCreatedAt().toLocalDate();
        Set<Long> touched = new LinkedHashSet<>();
        List<JAXBElement<? extends RecordType>> named = new ArrayList<>();
        List<AgencyRecord> toMatch = new ArrayList<>();
        List<JAXBElement<? extends RecordType>> byIdentifier = new ArrayList<>();
        for (JAXBElement<? extends RecordType> element : share.getRecord()) {
            RecordType record = element.getValue();
            if (EvidenceStore.holds(connection, partner, messageId, record.getId())) {
                EvidenceStore.personOf(connection, partner, messageId, record.getId()).ifPresent(touched::add);
                continue;
            }
            Optional<AgencyRecord> subject = SubjectRecords.named(partner, record.getSubject(), asOf);
            if (subject.isPresent()) {
                named.add(element);
                toMatch.add(subject.get());
            } else {
                byIdentifier.add(element);
            }
        }
        List<MatchResult> results = people.matchAll(connection, toMatch);
        for (int i = 0; i < named.size(); i++) {
            long person = results.get(i).personId();
            touched.add(person);
            EvidenceStore.claimWaiting(connection, PersonIndex.identifierKeys(toMatch.get(i)), person);
            addRecord(connection, headers, agency, messageId, named.get(i), person);
        }
        int waiting = 0;
        for (JAXBElement<? extends RecordType> element : byIdentifier) {
            AgencyRecord identifiers = SubjectRecords.identifiers(partner, element.getValue().getSubject(), asOf);
            var holder = people.holderOf(identifiers);
            long id = addRecord(connection, headers, agency, messageId, element, holder.isPresent() ? holder.getAsLong() : null);
            if (holder.isPresent()) {
                touched.add(holder.getAsLong());
            } else {
                EvidenceStore.waitFor(connection, id, PersonIndex.identifierKeys(identifiers));
                waiting++;
            }
        }
        if (!results.isEmpty() || !byIdentifier.isEmpty()) {
            List<AgencyRecord> all = new ArrayList<>(toMatch);
            byIdentifier.forEach(e -> all.add(SubjectRecords.identifiers(partner, e.getValue().getSubject(), asOf)));
            AuditEntry entry = steps.matched(headers, all, results);
            if (waiting > 0) {
                entry = new AuditEntry(entry.type(), entry.receiptId(), entry.partnerId(), entry.channel(), entry.senderMessageId(), null,
                        null, entry.detail() + "; " + waiting + " named only by identifiers nobody holds yet, kept until their person is known",
                        null, entry.agreementId(), entry.lawfulBasis(), entry.outcome(), entry.recipient(), null, entry.subjects());
            }
            List<String> subjects = new ArrayList<>(entry.subjects());
            subjects.addAll(steps.subjectsOf(touched));
            audit.append(connection, entry.withSubjects(subjects));
        }
        return touched;
    }

    private long addRecord(Connection connection, Map<String, Object> headers, String agency, String messageId,
            JAXBElement<? extends RecordType> element, Long person) throws SQLException {
        RecordType record = element.getValue();
        return EvidenceStore.add(connection, evidence(headers, agency, messageId, record.getId(), Evidence.Kind.RECORD,
                record.getAction().value(), person, xml.write(element), Map.of()), null);
    }

    // --- deciding households

    private List<CaseUpdate> decideFor(Connection connection, CaseFilter filter, Set<Long> persons, Map<String, Object> headers)
            throws SQLException {
        List<CaseUpdate> updates = new ArrayList<>();
        for (long household : householdsOf(connection, persons)) {
            updates.addAll(decide(connection, filter, household, headers));
        }
        return updates;
    }

    private Set<Long> householdsOf(Connection connection, Collection<Long> persons) throws SQLException {
        Set<Long> found = new LinkedHashSet<>();
        for (long person : persons) {
            households.on(connection, People.current(connection, person), today()).ifPresent(found::add);
        }
        return found;
    }

    /**
     * Decides a household on its evidence today and makes a new version of its case if the family
     * team should see one: the first when it was referred or the rules include, consider or route
     * it; then whenever what the case says changes; CLOSED once when it no longer qualifies.
     */
    private List<CaseUpdate> decide(Connection connection, CaseFilter filter, long household, Map<String, Object> headers)
            throws SQLException {
        LocalDate today = today();
        CaseStore.State state = CaseStore.state(connection, household)
                .orElse(new CaseStore.State(household, caseIdFor(household), 0, null, null, null, null, null));
        Map<Long, LocalDate> members = members(connection, household, today);
        if (state.withdrawn()) {
            int held = EvidenceStore.restrict(connection, members.keySet(), clock.instant());
            if (held > 0) {
                audit.append(connection, StepAudit.entry(AuditEventType.HELD, headers, state.caseId(),
                        held + " pieces of evidence about a household whose consent was withdrawn: kept restricted, not forwarded",
                        steps.subjectsOf(members.keySet())));
            }
            return List.of();
        }
        HouseholdEvidence held = HouseholdEvidence.read(connection, household, members, today, xml, pseudonyms);
        Decision decision = Evaluator.evaluate(rules, held.household, today);
        LocalDate horizon = today.plusMonths(REVIEW_HORIZON_MONTHS);
        LocalDate reviewOn = Reevaluation.nextChange(rules, held.household, today, horizon).orElse(horizon);
        boolean qualifies = held.referred() || decision.outcome() != DecisionOutcomeType.NOT_ELIGIBLE;
        CaseFilter.Filtered filtered = filter.apply(CaseDocument.build(state.caseId(), held, decision, null, xml));
        CaseType built = filtered.kept();
        String fingerprint = fingerprint(built);
        CaseStatusType status = !qualifies ? CaseStatusType.CLOSED : state.sent() ? CaseStatusType.UPDATED : CaseStatusType.NEW;
        boolean changed = qualifies ? !fingerprint.equals(state.fingerprint()) || CaseStatusType.CLOSED.value().equals(state.status())
                : state.sent() && !CaseStatusType.CLOSED.value().equals(state.status());
        List<String> subjects = held.people.stream().map(HouseholdEvidence.Person::subjectId).toList();
        if (!changed) {
            CaseStore.save(connection, new CaseStore.State(household, state.caseId(), state.version(), state.status(),
                    decision.outcome().value(), state.fingerprint(), reviewOn, null), clock.instant());
            return List.of();
        }
        audit.append(connection, StepAudit.entry(AuditEventType.DECIDED, headers, state.caseId(), decision.outcome().value() + " under "
                + decision.ruleSet().id() + " version " + decision.ruleSet().version() + (qualifies ? "" : ": the case is closed"), subjects));
        int version = state.version() + 1;
        CaseType stamped = CaseDocument.stamp(built, version, status, clock.instant(), today);
        CaseUpdate update = new CaseUpdate(state.caseId(), version, status.value(), clock.instant(),
                xml.write(MessageXml.ELEMENTS.createCase(stamped)));
        CaseStore.addVersion(connection, update);
        CaseStore.save(connection, new CaseStore.State(household, state.caseId(), version, status.value(), decision.outcome().value(),
                fingerprint, reviewOn, null), clock.instant());
        if (!filtered.withheld().isEmpty()) {
            audit.append(connection, StepAudit.entry(AuditEventType.MINIMISED, headers, state.caseId(), "version " + version
                    + ": removed categories the agreement does not allow the family team: " + String.join(", ", filtered.withheld()), subjects));
        }
        audit.append(connection, StepAudit.entry(AuditEventType.FORWARDED, headers, state.caseId(), "version " + version + " (" + status.value() + ")"
                + " queued for the family team", subjects));
        return List.of(update);
    }

    private Map<Long, LocalDate> members(Connection connection, long household, LocalDate day) throws SQLException {
        return households.membersSince(connection, household, day);
    }

    private List<CaseUpdate> withdraw(Connection connection, long household, LocalDate on, Evidence withdrawal, Map<String, Object> headers)
            throws SQLException {
        CaseStore.State state = CaseStore.state(connection, household)
                .orElse(new CaseStore.State(household, caseIdFor(household), 0, null, null, null, null, null));
        Set<Long> members = People.withMergedInto(connection, members(connection, household, today()).keySet());
        int restricted = EvidenceStore.restrict(connection, members, clock.instant());
        List<String> subjects = steps.subjectsOf(members);
        if (state.withdrawn()) {
            return List.of();
        }
        List<CaseUpdate> updates = new ArrayList<>();
        int version = state.version();
        String status = state.status();
        if (state.sent()) {
            version++;
            CaseType last = CaseDocument.stamp(CaseDocument.withdrawn(state.caseId(), on, withdrawal), version, CaseStatusType.WITHDRAWN,
                    clock.instant(), today());
            CaseUpdate update = new CaseUpdate(state.caseId(), version, CaseStatusType.WITHDRAWN.value(), clock.instant(),
                    xml.write(MessageXml.ELEMENTS.createCase(last)));
            CaseStore.addVersion(connection, update);
            status = update.status();
            updates.add(update);
        }
        CaseStore.save(connection, new CaseStore.State(household, state.caseId(), version, status, state.outcome(), state.fingerprint(),
                null, on), clock.instant());
        audit.append(connection, StepAudit.entry(AuditEventType.CONSENT_WITHDRAWN, headers, state.caseId(), restricted
                + " pieces of evidence restricted; " + (state.sent() ? "the family team is sent version " + version + " (WITHDRAWN)"
                : "no case had been sent") + "; nothing more is forwarded for this household", subjects));
        if (state.sent()) {
            audit.append(connection, StepAudit.entry(AuditEventType.FORWARDED, headers, state.caseId(), "version " + version + " (WITHDRAWN) queued for the family team", subjects));
        }
        return updates;
    }

    /** Consent given again after a withdrawal: the household's evidence is usable again and its case resumes. */
    private void restore(Connection connection, long household, CaseStore.State state, Map<String, Object> headers) throws SQLException {
        Set<Long> members = People.withMergedInto(connection, members(connection, household, today()).keySet());
        EvidenceStore.unrestrict(connection, members);
        // the resumed case is compared with nothing: its next version carries everything again
        CaseStore.save(connection, new CaseStore.State(household, state.caseId(), state.version(), state.status(), state.outcome(), null,
                state.reviewOn(), null), clock.instant());
        audit.append(connection, StepAudit.entry(AuditEventType.CONSENT_RESTORED, headers, state.caseId(),
                "consent given again after a withdrawal: the household's evidence may be used and its case resumes", steps.subjectsOf(members)));
    }

    // --- consent updates name people

    /** The people a consent update is about: those of the referral it relates to, else its members as matched. */
    private Map<String, Long> namedPeople(Connection connection, ConsentUpdateType update, String partner) throws SQLException {
        Map<String, Long> named = new LinkedHashMap<>();
        List<PersonType> members = update.getHousehold().getMember();
        for (PersonType member : members) {
            MatchResult preview = people.preview(ReferralRecords.member(partner, member, update.getHousehold().getAddress(),
                    update.getCreatedAt().toLocalDate()));
            if (preview.outcome() == MatchOutcome.LINKED_BY_IDENTIFIER || preview.outcome() == MatchOutcome.LINKED_BY_SCORE) {
                named.put(member.getRef(), People.current(connection, preview.personId()));
            }
        }
        if (update.getRelatesTo() != null && update.getRelatesTo().getReferralMessageId() != null) {
            Optional<Collection<Long>> referred = EvidenceStore.peopleOfReferral(connection, partner,
                    update.getRelatesTo().getReferralMessageId());
            int n = 0;
            for (long person : referred.orElse(List.of())) {
                if (!named.containsValue(person)) {
                    named.put("referral-" + (++n), person);
                }
            }
        }
        if (update.getRelatesTo() != null && update.getRelatesTo().getCaseId() != null) {
            Optional<CaseStore.State> state = CaseStore.byCaseId(connection, update.getRelatesTo().getCaseId());
            if (state.isPresent()) {
                int n = 0;
                for (long person : households.members(connection, state.get().householdId(), today())) {
                    if (!named.containsValue(person)) {
                        named.put("case-" + (++n), person);
                    }
                }
            }
        }
        return named;
    }

    // --- helpers

    private Evidence evidence(Map<String, Object> headers, String agency, String messageId, String recordId, Evidence.Kind kind,
            String action, Long person, byte[] body, Map<String, Long> named) {
        return new Evidence(0, text(headers, Headers.PARTNER_ID), agency, messageId, recordId, kind, action, person,
                text(headers, Headers.RECEIPT_ID), text(headers, Headers.CHANNEL),
                OffsetDateTime.parse(text(headers, Headers.RECEIVED_AT)).toInstant(), body, named);
    }

    private String fingerprint(CaseType built) {
        try {
            byte[] content = xml.write(MessageXml.ELEMENTS.createCase(built));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String text(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        return value == null ? null : value.toString();
    }

    private interface Work<T> {
        T in(Connection connection, CaseFilter filter) throws SQLException;
    }

    /**
     * Runs one step in a transaction under the household step's lock. Once it commits, the audit's
     * observers (metrics) are told of the versions it forwarded for the message with these headers.
     */
    private List<CaseUpdate> inTransaction(Map<String, Object> headers, Work<List<CaseUpdate>> work) {
        // asked before the transaction begins: asking may find changed agreement files and audit the
        // change in a transaction of its own, which waits for the log's head this one may hold
        CaseFilter filter = filters.get();
        try (Connection connection = dataSource.getConnection()) {
            List<CaseUpdate> updates;
            try {
                updates = Transactions.inTransaction(connection, c -> {
                    if (CaseStore.lockStep(c, instance, clock.instant())) {
                        people.reload();
                    }
                    return work.in(c, filter);
                });
            } catch (SQLException | RuntimeException e) {
                people.reload();
                throw e;
            }
            if (!updates.isEmpty() && !headers.isEmpty()) {
                audit.committed(AuditEventType.FORWARDED, headers);
            }
            return updates;
        } catch (SQLException e) {
            throw new IllegalStateException("the household step could not use the database", e);
        }
    }
}
