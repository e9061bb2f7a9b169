package org.familygateway.audit.console;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jetty.http.HttpStatus;
import org.familygateway.audit.AuditEntry;
import org.familygateway.audit.AuditEvent;
import org.familygateway.audit.AuditSearch;

/** One entry in full: everything it says, and whether retention has purged its details. */
final class EntryPage implements Page {

    private final AuditSearch search;
    private final Access access;

    EntryPage(AuditSearch search, Access access) {
        this.search = search;
        this.access = access;
    }

    @Override
    public void serve(Web web) throws Exception {
        long id;
        try {
            id = Long.parseLong(web.path().substring("/entries/".length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an entry id");
        }
        AuditEvent event = search.byId(id).orElse(null);
        if (event == null) {
            web.refuse(HttpStatus.NOT_FOUND_404, "There is no entry " + id + ".");
            return;
        }
        access.viewed(web, "entry " + id + " (position " + event.position() + ")", null);
        AuditEntry e = event.entry();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("position in the log", event.position());
        fields.put("time", Html.time(event.occurredAt()));
        fields.put("event", e.type());
        fields.put("outcome", e.outcome());
        fields.put("partner (from)", e.partnerId());
        fields.put("recipient (to)", e.recipient());
        fields.put("channel", e.channel());
        fields.put("agreement", e.agreementId());
        fields.put("lawful basis", e.lawfulBasis());
        fields.put("reason code", e.reasonCode());
        fields.put("reason", e.detail());
        fields.put("receipt id", e.receiptId());
        fields.put("sender's message id", e.senderMessageId());
        fields.put("case id", e.caseId());
        fields.put("payload digest (SHA-256)", e.payloadDigest());
        fields.put("subjects (pseudonyms)", String.join(", ", e.subjects()));
        fields.put("by", e.actor());
        StringBuilder body = new StringBuilder(event.purged()
                ? "<p class=\"note\" id=\"purged\">The details of this entry were purged at the end of its retention period.</p>" : "");
        body.append("<table id=\"entry\"><tbody>");
        fields.forEach((name, value) -> body.append("<tr><th>").append(Html.esc(name)).append("</th><td><code>")
                .append(Html.esc(value)).append("</code></td></tr>"));
        body.append("</tbody></table>");
        web.html(HttpStatus.OK_200, Html.page("Audit entry " + event.position(), web.session, body.toString()));
    }
}
