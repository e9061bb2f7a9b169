package org.familygateway.audit.console;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** One request to the console and its reply: parameters, the session cookie, HTML, redirects, files. */
final class Web {

    static final String SESSION_COOKIE = "fg_console";
    private static final int MAX_PARAMETER = 200;

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final boolean secureCookies;
    private Fields fields;
    ConsoleSessions.Session session;

    Web(Request request, Response response, Callback callback, boolean secureCookies) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.secureCookies = secureCookies;
    }

    String method() {
        return request.getMethod();
    }

    String path() {
        return request.getHttpURI().getPath();
    }

    /** A query or form parameter, trimmed; blank is absent. Over-long values are refused. */
    String param(String name) throws Exception {
        if (fields == null) {
            fields = Request.getParameters(request);
        }
        Fields.Field field = fields.get(name);
        if (field == null || field.getValue() == null || field.getValue().isBlank()) {
            return null;
        }
        String value = field.getValue().trim();
        if (value.length() > MAX_PARAMETER) {
            throw new IllegalArgumentException(name + " is too long");
        }
        return value;
    }

    LocalDate date(String name) throws Exception {
        String value = param(name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not a date (yyyy-mm-dd)");
        }
    }

    String cookie(String name) {
        return Request.getCookies(request).stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    void sessionCookie(String id, Duration maxAge) {
        Response.addCookie(response, HttpCookie.build(SESSION_COOKIE, id).path("/").httpOnly(true).secure(secureCookies)
                .sameSite(HttpCookie.SameSite.STRICT).maxAge(maxAge.toSeconds()).build());
    }

    void clearSessionCookie() {
        Response.addCookie(response, HttpCookie.build(SESSION_COOKIE, "").path("/").httpOnly(true).secure(secureCookies)
                .sameSite(HttpCookie.SameSite.STRICT).maxAge(0).build());
    }

    void html(int status, String page) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        Content.Sink.write(response, true, page, callback);
    }

    void text(String contentType, String body) {
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        Content.Sink.write(response, true, body, callback);
    }

    void download(String contentType, String fileName, String body) {
        response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.write(true, StandardCharsets.UTF_8.encode(body), callback);
    }

    /** 303 See Other: after a form, the browser fetches the result with GET. */
    void redirect(String location) {
        Response.sendRedirect(request, response, callback, HttpStatus.SEE_OTHER_303, location, false);
    }

    void refuse(int status, String message) {
        html(status, Html.page(status == 403 ? "Refused" : "Not possible", session,
                "<p class=\"bad\" id=\"refused\">" + Html.esc(message) + "</p>"));
    }
}
