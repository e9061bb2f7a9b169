package org.familygateway.cases;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.familygateway.audit.AuditEventType;
import org.familygateway.eligibility.Decision;
import org.familygateway.eligibility.Evaluator;
import org.familygateway.eligibility.Reevaluation;
import org.familygateway.eligibility.RuleSet;
import org.familygateway.matching.Households;
import org.familygateway.matching.People;
import org.familygateway.model.Pseudonyms;
import org.familygateway.model.v1.CaseStatusType;
import org.familygateway.model.v1.CaseType;
import org.familygateway.model.v1.DecisionOutcomeType;
import org.familygateway.validation.MessageXml;

/**
 * The household step's second half, in the step's transaction: a household is decided on its
 * evidence by the rule set and its case gets a new version when the family team should see one;
 * a consent withdrawal ends a household's case, consent given again resumes it. Every version is
 * kept in the outbox and audited (DECIDED, MINIMISED, FORWARDED, HELD, CONSENT_WITHDRAWN,
 * CONSENT_RESTORED).
 */
final class CaseDecisions {

    /**
     * How far ahead the day a decision may change is looked for; with no change in that time the
     * household is looked at again when it has passed (a birthday years away is found in steps).
     */
    private static final int REVIEW_HORIZON_MONTHS = 6;

    private final Households households;
    private final MessageXml xml;
    private final Pseudonyms pseudonyms;
    private final RuleSet rules;
    private final StepAudit steps;
    private final Clock clock;

    CaseDecisions(Households households, MessageXml xml, Pseudonyms pseudonyms, RuleSet rules, StepAudit steps,
            Clock clock) {
        this.households = households;
        this.xml = xml;
        this.pseudonyms = pseudonyms;
        this.rules = rules;
        this.steps = steps;
        this.clock = clock;
    }

    List<CaseUpdate> decideFor(Connection connection, CaseFilter filter, Set<Long> persons, Map<String, Object> headers)
            throws SQLException {
        List<CaseUpdate> updates = new ArrayList<>();
        for (long household : householdsOf(connection, persons)) {
            updates.addAll(decide(connection, filter, household, headers));
        }
        return updates;
    }

    Set<Long> householdsOf(Connection connection, Collection<Long> persons) throws SQLException {
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
    List<CaseUpdate> decide(Connection connection, CaseFilter filter, long household, Map<String, Object> headers)
            throws SQLException {
        LocalDate today = today();
        CaseStore.State state = CaseStore.state(connection, household)
                .orElse(new CaseStore.State(household, HouseholdCases.caseIdFor(household), 0, null, null, null, null, null));
        Map<Long, LocalDate> members = members(connection, household, today);
        if (state.withdrawn()) {
            int held = EvidenceStore.restrict(connection, members.keySet(), clock.instant());
            if (held > 0) {
                steps.add(StepAudit.entry(AuditEventType.HELD, headers, state.caseId(),
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
        steps.add(StepAudit.entry(AuditEventType.DECIDED, headers, state.caseId(), decision.outcome().value() + " under "
                + decision.ruleSet().id() + " version " + decision.ruleSet().version() + (qualifies ? "" : ": the case is closed"), subjects));
        int version = state.version() + 1;
        CaseType stamped = CaseDocument.stamp(built, version, status, clock.instant(), today);
        CaseUpdate update = new CaseUpdate(state.caseId(), version, status.value(), clock.instant(),
                xml.write(MessageXml.ELEMENTS.createCase(stamped)));
        CaseStore.addVersion(connection, update);
        CaseStore.save(connection, new CaseStore.State(household, state.caseId(), version, status.value(), decision.outcome().value(),
                fingerprint, reviewOn, null), clock.instant());
        if (!filtered.withheld().isEmpty()) {
            steps.add(StepAudit.entry(AuditEventType.MINIMISED, headers, state.caseId(), "version " + version
                    + ": removed categories the agreement does not allow the family team: " + String.join(", ", filtered.withheld()), subjects));
        }
        steps.add(StepAudit.entry(AuditEventType.FORWARDED, headers, state.caseId(), "version " + version + " (" + status.value() + ")"
                + " queued for the family team", subjects));
        return List.of(update);
    }

    private Map<Long, LocalDate> members(Connection connection, long household, LocalDate day) throws SQLException {
        return households.membersSince(connection, household, day);
    }

    List<CaseUpdate> withdraw(Connection connection, long household, LocalDate on, Evidence withdrawal, Map<String, Object> headers)
            throws SQLException {
        CaseStore.State state = CaseStore.state(connection, household)
                .orElse(new CaseStore.State(household, HouseholdCases.caseIdFor(household), 0, null, null, null, null, null));
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
        steps.add(StepAudit.entry(AuditEventType.CONSENT_WITHDRAWN, headers, state.caseId(), restricted
                + " pieces of evidence restricted; " + (state.sent() ? "the family team is sent version " + version + " (WITHDRAWN)"
                : "no case had been sent") + "; nothing more is forwarded for this household", subjects));
        if (state.sent()) {
            steps.add(StepAudit.entry(AuditEventType.FORWARDED, headers, state.caseId(), "version " + version + " (WITHDRAWN) queued for the family team", subjects));
        }
        return updates;
    }

    /** Consent given again after a withdrawal: the household's evidence is usable again and its case resumes. */
    void restore(Connection connection, long household, CaseStore.State state, Map<String, Object> headers) throws SQLException {
        Set<Long> members = People.withMergedInto(connection, members(connection, household, today()).keySet());
        EvidenceStore.unrestrict(connection, members);
        // the resumed case is compared with nothing: its next version carries everything again
        CaseStore.save(connection, new CaseStore.State(household, state.caseId(), state.version(), state.status(), state.outcome(), null,
                state.reviewOn(), null), clock.instant());
        steps.add(StepAudit.entry(AuditEventType.CONSENT_RESTORED, headers, state.caseId(),
                "consent given again after a withdrawal: the household's evidence may be used and its case resumes", steps.subjectsOf(members)));
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
}
