package org.familygateway.cases;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.familygateway.audit.AuditEntry;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;
import org.familygateway.matching.Households;
import org.familygateway.model.Transactions;

/**
 * What follows a reviewer's decision about a match (made with the review command, outside the
 * running gateway): it is audited; every household the people concerned belong or belonged to is
 * due to be decided again at the gateway's next review run; and the running gateways are told to
 * reload their people index before they next match (the household step's marker).
 */
public final class ReviewFollowUp {

    /** What the household step's marker says when a reviewer, not a gateway, wrote last. */
    static final String REVIEWER = "review-command";

    private ReviewFollowUp() {
    }

    /**
     * @param decision CONFIRM, REJECT or UNLINK, with the record and people, e.g. "CONFIRM of record 7: person 3 is person 9"
     * @param subject the pseudonym of the person the record now belongs to
     */
    public static void after(DataSource dataSource, AuditTrail audit, Clock clock, String reviewer, String decision, String subject,
            List<Long> people) {
        Households households = new Households(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            Transactions.inTransaction(connection, c -> {
                CaseStore.lockStep(c, REVIEWER, clock.instant());
                Set<Long> affected = new LinkedHashSet<>();
                for (long person : people) {
                    households.of(c, person).forEach(m -> affected.add(m.householdId()));
                }
                LocalDate today = LocalDate.now(clock);
                for (long household : affected) {
                    dueNow(c, household, today, clock);
                }
                return audit.append(c, AuditEntry.byActor(AuditEventType.MATCH_REVIEWED, reviewer, null,
                        decision + "; " + affected.size() + " households to be decided again").withSubjects(List.of(subject)));
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not record what follows the review decision", e);
        }
    }

    private static void dueNow(Connection connection, long household, LocalDate today, Clock clock) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update household_case set review_on = ? where household_id = ?")) {
            update.setDate(1, Date.valueOf(today));
            update.setLong(2, household);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        CaseStore.save(connection, new CaseStore.State(household, HouseholdCases.caseIdFor(household), 0, null, null, null, today, null),
                clock.instant());
    }
}
