package org.familygateway.audit.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.familygateway.audit.AuditEntry;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request passes here: security headers, the session, sign-in, the CSRF token on every POST,
 * the role a page needs. A refusal is itself audited.
 */
final class ConsoleHandler extends Handler.Abstract {

    /** A page, the method and path it answers (a path ending in / takes what follows, e.g. an id), and the roles that may use it. */
    record Route(String method, String path, Set<Role> roles, Page page) {
        boolean matches(String m, String p) {
            boolean prefix = path.length() > 1 && path.endsWith("/");
            return method.equals(m) && (prefix ? p.startsWith(path) && p.length() > path.length() : path.equals(p));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleHandler.class);
    /** No script, no framing, forms only to this origin; pages hold data, so nothing is cached. */
    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final ConsoleSessions sessions;
    private final AuditTrail audit;
    private final LoginPage login;
    private final boolean secureCookies;
    private final List<Route> routes = new ArrayList<>();

    ConsoleHandler(ConsoleSessions sessions, AuditTrail audit, LoginPage login, boolean secureCookies) {
        this.sessions = sessions;
        this.audit = audit;
        this.login = login;
        this.secureCookies = secureCookies;
    }

    ConsoleHandler route(String method, String path, Set<Role> roles, Page page) {
        routes.add(new Route(method, path, roles, page));
        return this;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        securityHeaders(response.getHeaders());
        Web web = new Web(request, response, callback, secureCookies);
        try {
            serve(web);
        } catch (IllegalArgumentException e) {
            web.refuse(HttpStatus.BAD_REQUEST_400, e.getMessage());
        } catch (Exception e) {
            LOG.error("the console failed on {} {}: {}", web.method(), web.path(), e.toString());
            web.refuse(HttpStatus.INTERNAL_SERVER_ERROR_500, "Something went wrong; the gateway's log says what.");
        }
        return true;
    }

    private void serve(Web web) throws Exception {
        String path = web.path();
        if (path.equals("/style.css")) {
            web.text("text/css; charset=utf-8", Html.STYLE);
            return;
        }
        web.session = sessions.find(web.cookie(Web.SESSION_COOKIE)).orElse(null);
        if (path.equals("/login")) {
            login.serve(web);
            return;
        }
        if (web.session == null || !web.session.signedIn()) {
            if (web.method().equals("GET")) {
                web.redirect("/login");
            } else {
                web.refuse(HttpStatus.FORBIDDEN_403, "Sign in first.");
            }
            return;
        }
        if (web.method().equals("POST") && !web.session.acceptsCsrf(web.param("_csrf"))) {
            refused(web, "a POST to " + path + " without its CSRF token");
            web.refuse(HttpStatus.FORBIDDEN_403, "This form has expired or did not come from the console. Reload the page and try again.");
            return;
        }
        Route route = routes.stream().filter(r -> r.matches(web.method(), path)).findFirst().orElse(null);
        if (route == null) {
            web.refuse(HttpStatus.NOT_FOUND_404, "There is no such page.");
            return;
        }
        if (!route.roles().contains(web.session.role())) {
            refused(web, web.method() + " " + path + " needs the role " + route.roles().stream().map(Role::label).sorted().toList());
            web.refuse(HttpStatus.FORBIDDEN_403, "Your role (" + web.session.role().label() + ") does not allow this page.");
            return;
        }
        route.page().serve(web);
    }

    private void refused(Web web, String what) {
        audit.append(AuditEntry.byActor(AuditEventType.CONSOLE_ACCESS_REFUSED, web.session.user(), null, what));
    }

    private static void securityHeaders(HttpFields.Mutable headers) {
        headers.put("Content-Security-Policy", CSP);
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
}
