package org.familygateway.audit.console;

import java.util.List;

import org.eclipse.jetty.http.HttpStatus;
import org.familygateway.audit.AuditEntry;
import org.familygateway.audit.AuditEvent;
import org.familygateway.audit.AuditSearch;

/**
 * The subject access report: every flow about one person (what, from whom, to whom, when, on which
 * basis), on the page and as CSV. Asked for by identifier (POST), shown by pseudonym.
 */
final class SubjectReportPage implements Page {

    private final AuditSearch search;
    private final Subjects subjects;
    private final Access access;

    SubjectReportPage(AuditSearch search, Subjects subjects, Access access) {
        this.search = search;
        this.subjects = subjects;
        this.access = access;
    }

    @Override
    public void serve(Web web) throws Exception {
        if (web.method().equals("POST")) {
            String subject = subjects.pseudonymOf(web.param("subjectKind"), web.param("subjectIdentifier"));
            if (subject == null) {
                throw new IllegalArgumentException("type the person's identifier");
            }
            web.redirect("/subject?subject=" + subject);
            return;
        }
        String subject = Subjects.checked(web.param("subject"));
        String form = "<form method=\"post\" action=\"/subject\" class=\"filters\">" + Html.csrf(web.session) + Subjects.fields()
                + " <button type=\"submit\" id=\"report\">Report</button></form>";
        if (subject == null) {
            web.html(HttpStatus.OK_200, Html.page("Subject access report", web.session, form));
            return;
        }
        List<AuditEvent> flows = search.subjectReport(subject);
        if (web.path().endsWith(".csv")) {
            access.exported(web, "subject access report as CSV (" + flows.size() + " entries)", subject);
            web.download("text/csv; charset=utf-8", "subject-access-report-" + subject + ".csv", csv(flows));
            return;
        }
        access.viewed(web, "subject access report (" + flows.size() + " entries)", subject);
        web.html(HttpStatus.OK_200, Html.page("Subject access report", web.session, form
                + "<p>Subject <code id=\"subject\">" + subject + "</code>: <span id=\"flow-count\">" + flows.size() + "</span> entries. "
                + "<a id=\"csv\" href=\"/subject.csv?subject=" + subject + "\">Download as CSV</a></p>"
                + EntryRows.table(flows, "flows")));
    }

    static String csv(List<AuditEvent> flows) {
        StringBuilder out = new StringBuilder("position,time,event,outcome,from,to,channel,agreement,lawful_basis,receipt_id,"
                + "sender_message_id,case_id,reason_code,reason,purged\r\n");
        for (AuditEvent event : flows) {
            AuditEntry e = event.entry();
            List<Object> cells = java.util.Arrays.asList(event.position(), event.occurredAt(), e.type(), e.outcome(), e.partnerId(),
                    e.recipient(), e.channel(), e.agreementId(), e.lawfulBasis(), e.receiptId(), e.senderMessageId(), e.caseId(),
                    e.reasonCode(), e.detail(), event.purged());
            out.append(String.join(",", cells.stream().map(SubjectReportPage::cell).toList())).append("\r\n");
        }
        return out.toString();
    }

    /** RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.matches(".*[\",\r\n].*") || text.startsWith("'") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
