package org.familygateway.audit.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.jetty.http.HttpStatus;
import org.familygateway.audit.AuditEvent;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditSearch;
import org.familygateway.audit.SearchFilter;

/**
 * Search by date range, partner, agreement, event type, outcome and subject. The form is POSTed
 * (it may carry an identifier) and answered with a redirect to the results by pseudonym.
 */
final class SearchPage implements Page {

    private static final int LIMIT = 500;
    private static final List<String> OUTCOMES = List.of("SUCCEEDED", "ACCEPTED", "REJECTED", "FORWARDED", "QUARANTINED", "REFUSED");

    private final AuditSearch search;
    private final Subjects subjects;
    private final Access access;

    SearchPage(AuditSearch search, Subjects subjects, Access access) {
        this.search = search;
        this.subjects = subjects;
        this.access = access;
    }

    @Override
    public void serve(Web web) throws Exception {
        if (web.method().equals("POST")) {
            String subject = subjects.pseudonymOf(web.param("subjectKind"), web.param("subjectIdentifier"));
            Map<String, String> query = new LinkedHashMap<>();
            for (String name : List.of("from", "to", "partner", "agreement", "type", "outcome", "message")) {
                query.put(name, web.param(name));
            }
            query.put("subject", subject != null ? subject : web.param("subject"));
            web.redirect("/search?" + query.entrySet().stream().filter(e -> e.getValue() != null)
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&")));
            return;
        }
        String type = web.param("type");
        SearchFilter filter = new SearchFilter(web.date("from"), web.date("to"), web.param("partner"), web.param("agreement"),
                type == null ? null : AuditEventType.valueOf(type), web.param("outcome"), Subjects.checked(web.param("subject")),
                web.param("message"));
        List<AuditEvent> found = search.search(filter, LIMIT);
        access.viewed(web, "search: " + filter.describe(), filter.subject());
        web.html(HttpStatus.OK_200, Html.page("Search the audit log", web.session, form(web, filter)
                + "<p id=\"result-count\">" + found.size() + (found.size() == LIMIT ? "+ (the newest " + LIMIT + " shown)" : "")
                + " entries.</p>" + EntryRows.table(found, "results")));
    }

    private String form(Web web, SearchFilter f) throws Exception {
        List<String> types = Arrays.stream(AuditEventType.values()).map(Enum::name).toList();
        return "<form method=\"post\" action=\"/search\" class=\"filters\">" + Html.csrf(web.session)
                + "<label>From <input type=\"date\" name=\"from\" value=\"" + Html.esc(f.from()) + "\"></label>"
                + "<label>To <input type=\"date\" name=\"to\" value=\"" + Html.esc(f.to()) + "\"></label>"
                + "<label>Partner <select name=\"partner\">" + Html.options(search.partners(), f.partner()) + "</select></label>"
                + "<label>Agreement <input name=\"agreement\" value=\"" + Html.esc(f.agreement()) + "\"></label>"
                + "<label>Event <select name=\"type\" id=\"type\">" + Html.options(types, f.type() == null ? null : f.type().name()) + "</select></label>"
                + "<label>Outcome <select name=\"outcome\">" + Html.options(OUTCOMES, f.outcome()) + "</select></label>"
                + "<label>Message or receipt id <input name=\"message\" id=\"message\" value=\"" + Html.esc(f.message()) + "\"></label><br>"
                + Subjects.fields()
                + (f.subject() == null ? "" : " <span class=\"note\">searching for subject <code id=\"subject\">" + Html.esc(f.subject())
                + "</code></span><input type=\"hidden\" name=\"subject\" value=\"" + Html.esc(f.subject()) + "\">")
                + " <button type=\"submit\" id=\"search\">Search</button></form>";
    }
}
