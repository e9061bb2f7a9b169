package org.familygateway.audit.console;

import java.util.ArrayList;
import java.util.List;

import org.familygateway.audit.AuditEntry;
import org.familygateway.audit.AuditEvent;

/** The table of entries most pages show, each linking to its detail. */
final class EntryRows {

    static final List<String> HEADINGS = List.of("position", "time", "event", "outcome", "partner", "to", "agreement",
            "lawful basis", "receipt", "partner's message id", "reason");

    private EntryRows() {
    }

    static String table(List<AuditEvent> events, String id) {
        if (events.isEmpty()) {
            return "<p class=\"note\" id=\"" + id + "-empty\">No entries.</p>";
        }
        List<List<String>> rows = new ArrayList<>();
        for (AuditEvent event : events) {
            AuditEntry e = event.entry();
            rows.add(List.of("<a href=\"/entries/" + event.id() + "\">" + event.position() + "</a>", Html.esc(Html.time(event.occurredAt())),
                    Html.esc(e.type()), Html.esc(e.outcome()), Html.esc(e.partnerId()), Html.esc(e.recipient()),
                    Html.esc(e.agreementId()), Html.esc(e.lawfulBasis()),
                    event.purged() ? "<em>purged</em>" : Html.esc(e.receiptId()),
                    event.purged() ? "<em>purged</em>" : Html.esc(e.senderMessageId()),
                    Html.esc(e.reasonCode() == null ? (e.actor() == null ? "" : "by " + e.actor()) : e.reasonCode())));
        }
        return Html.table(HEADINGS, rows, id);
    }
}
