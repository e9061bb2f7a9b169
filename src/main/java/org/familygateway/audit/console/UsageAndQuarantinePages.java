package org.familygateway.audit.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.http.HttpStatus;
import org.familygateway.audit.AuditEvent;
import org.familygateway.audit.AuditSearch;

/** The agreement usage report and the list of rejected and quarantined messages, over a period. */
final class UsageAndQuarantinePages {

    private final AuditSearch search;
    private final Access access;

    private final ConsoleServer.UsageByCategory byCategory;

    UsageAndQuarantinePages(AuditSearch search, Access access, ConsoleServer.UsageByCategory byCategory) {
        this.search = search;
        this.access = access;
        this.byCategory = byCategory;
    }

    /**
     * Per agreement, the messages and records each partner shared by data category (counted as they
     * were accepted), then how often each partner's messages reached each step.
     */
    void usage(Web web) throws Exception {
        LocalDate from = web.date("from");
        LocalDate to = web.date("to");
        List<List<String>> rows = new ArrayList<>();
        for (AuditSearch.UsageRow row : search.usage(from, to)) {
            rows.add(List.of(Html.esc(row.partner()), Html.esc(row.agreement() == null ? "(none recorded)" : row.agreement()),
                    Html.esc(row.eventType()), Html.esc(row.count())));
        }
        access.viewed(web, "agreement usage report from " + from + " to " + to, null);
        List<List<String>> categories = new ArrayList<>();
        // no period given: everything counted so far
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to == null ? Instant.now().plus(1, ChronoUnit.DAYS) : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (List<String> row : byCategory.rows(start, end)) {
            categories.add(row.stream().map(Html::esc).toList());
        }
        web.html(HttpStatus.OK_200, Html.page("Agreement usage", web.session, period(web, "/usage", from, to)
                + "<h2>Shared, by agreement and category</h2>"
                + Html.table(List.of("agreement", "partner", "category", "messages", "records"), categories, "usage-by-category")
                + "<h2>Steps, by partner and agreement</h2>"
                + Html.table(List.of("partner", "agreement", "event", "count"), rows, "usage")));
    }

    void quarantine(Web web) throws Exception {
        LocalDate from = web.date("from");
        LocalDate to = web.date("to");
        List<AuditEvent> found = search.rejectedAndQuarantined(from, to, 500);
        List<List<String>> rows = new ArrayList<>();
        for (AuditEvent event : found) {
            var e = event.entry();
            rows.add(List.of("<a href=\"/entries/" + event.id() + "\">" + event.position() + "</a>", Html.esc(Html.time(event.occurredAt())),
                    Html.esc(e.type()), Html.esc(e.partnerId()), Html.esc(e.channel()), Html.esc(e.receiptId()),
                    Html.esc(e.senderMessageId()), Html.esc(e.reasonCode()), Html.esc(e.detail())));
        }
        access.viewed(web, "rejected and quarantined messages from " + from + " to " + to, null);
        web.html(HttpStatus.OK_200, Html.page("Rejected and quarantined messages", web.session, period(web, "/quarantine", from, to)
                + "<p class=\"note\">The messages themselves are kept, exactly as received, on the queue gateway.quarantine.</p>"
                + Html.table(List.of("position", "time", "event", "partner", "via", "receipt", "partner's message id", "reason code", "reason"),
                        rows, "rejections")));
    }

    private static String period(Web web, String action, LocalDate from, LocalDate to) {
        return "<form method=\"get\" action=\"" + action + "\" class=\"filters\">"
                + "<label>From <input type=\"date\" name=\"from\" value=\"" + Html.esc(from) + "\"></label>"
                + "<label>To <input type=\"date\" name=\"to\" value=\"" + Html.esc(to) + "\"></label>"
                + "<button type=\"submit\">Show</button></form>";
    }
}
