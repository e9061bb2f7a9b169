package org.familygateway.audit.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Escaping and the page around every view. No script anywhere: the pages work, and CSP forbids it. */
final class Html {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Html() {
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    static String csrf(ConsoleSessions.Session session) {
        return "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(session.csrfToken()) + "\">";
    }

    /** A whole page: the heading, the menu for the user's role, and the body. */
    static String page(String title, ConsoleSessions.Session session, String body) {
        StringBuilder nav = new StringBuilder();
        if (session != null && session.signedIn()) {
            nav.append("<nav>");
            if (session.role() == Role.IG_OFFICER) {
                link(nav, "/search", "Search");
                link(nav, "/subject", "Subject access report");
                link(nav, "/usage", "Agreement usage");
                link(nav, "/quarantine", "Rejected and quarantined");
            }
            link(nav, "/verification", "Verification");
            if (session.role() == Role.ADMINISTRATOR) {
                link(nav, "/admin", "Administration");
            }
            nav.append("<form method=\"post\" action=\"/logout\" class=\"inline\">").append(csrf(session))
                    .append("<span class=\"who\">").append(esc(session.user())).append(" (").append(esc(session.role().label()))
                    .append(")</span> <button type=\"submit\" id=\"sign-out\">Sign out</button></form></nav>");
        }
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + " · Family Gateway IG console</title><link rel=\"stylesheet\" href=\"/style.css\"></head><body>"
                + "<header><strong>Family Gateway</strong> · information governance</header>" + nav
                + "<main><h1>" + esc(title) + "</h1>" + body + "</main></body></html>";
    }

    static String table(List<String> headings, List<List<String>> rowsOfHtml, String id) {
        StringBuilder out = new StringBuilder("<table id=\"" + esc(id) + "\"><thead><tr>");
        headings.forEach(h -> out.append("<th>").append(esc(h)).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (List<String> row : rowsOfHtml) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(cell).append("</td>"));
            out.append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    static String options(List<String> values, String selected) {
        StringBuilder out = new StringBuilder("<option value=\"\">any</option>");
        for (String value : values) {
            out.append("<option").append(value.equals(selected) ? " selected" : "").append(" value=\"").append(esc(value))
                    .append("\">").append(esc(value)).append("</option>");
        }
        return out.toString();
    }

    private static void link(StringBuilder nav, String href, String text) {
        nav.append("<a href=\"").append(href).append("\">").append(esc(text)).append("</a> ");
    }

    static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
            header{background:#1d3557;color:#fff;padding:.6em 1em}
            nav{background:#e9eef5;padding:.5em 1em}nav a{margin-right:1em}
            .inline{display:inline;float:right}.who{margin-right:.5em;color:#444}
            main{padding:1em 1.5em}table{border-collapse:collapse;width:100%;background:#fff}
            th,td{border:1px solid #ccd;padding:.3em .5em;text-align:left;font-size:.9em;vertical-align:top}
            th{background:#eef}form.filters label{display:inline-block;margin:.2em 1em .2em 0}
            .ok{color:#146c2e;font-weight:bold}.bad{color:#b00020;font-weight:bold}.note{color:#555}
            code{word-break:break-all}
            """;
}
