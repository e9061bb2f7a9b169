package org.familygateway.audit.console;

import java.util.Optional;

import org.eclipse.jetty.http.HttpStatus;
import org.familygateway.audit.AuditEntry;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;

/**
 * Sign-in and sign-out. The form carries the anonymous session's CSRF token (no login CSRF);
 * success gives a new session id (no fixation); every attempt is audited, without the password.
 */
final class LoginPage implements Page {

    private final ConsoleSessions sessions;
    private final ConsoleUsers users;
    private final AuditTrail audit;

    LoginPage(ConsoleSessions sessions, ConsoleUsers users, AuditTrail audit) {
        this.sessions = sessions;
        this.users = users;
        this.audit = audit;
    }

    @Override
    public void serve(Web web) throws Exception {
        if (web.method().equals("POST")) {
            signIn(web);
        } else {
            form(web, HttpStatus.OK_200, null);
        }
    }

    private void signIn(Web web) throws Exception {
        if (web.session == null || !web.session.acceptsCsrf(web.param("_csrf"))) {
            form(web, HttpStatus.FORBIDDEN_403, "The sign-in form had expired. Please try again.");
            return;
        }
        String name = web.param("username");
        String password = web.param("password");
        Optional<ConsoleUsers.User> user = name == null || password == null ? Optional.empty()
                : users.authenticate(name, password.toCharArray());
        if (user.isEmpty()) {
            audit.append(AuditEntry.byActor(AuditEventType.CONSOLE_SIGN_IN_REFUSED, name, null, "wrong user name or password, or user disabled"));
            form(web, HttpStatus.UNAUTHORIZED_401, "Wrong user name or password.");
            return;
        }
        web.session = sessions.signIn(web.session, user.get().name(), user.get().role());
        audit.append(AuditEntry.byActor(AuditEventType.CONSOLE_SIGNED_IN, user.get().name(), null, "role " + user.get().role().label()));
        web.sessionCookie(web.session.id(), sessionCookieAge());
        web.redirect(user.get().role() == Role.ADMINISTRATOR ? "/admin" : "/search");
    }

    /** POST /logout (behind the CSRF check like every other POST). */
    void signOut(Web web) {
        sessions.end(web.session.id());
        audit.append(AuditEntry.byActor(AuditEventType.CONSOLE_SIGNED_OUT, web.session.user(), null, null));
        web.clearSessionCookie();
        web.redirect("/login");
    }

    private void form(Web web, int status, String problem) {
        if (web.session == null || web.session.signedIn()) {
            web.session = sessions.anonymous();
            web.sessionCookie(web.session.id(), sessionCookieAge());
        }
        String body = (problem == null ? "" : "<p class=\"bad\" id=\"problem\">" + Html.esc(problem) + "</p>")
                + "<form method=\"post\" action=\"/login\">" + Html.csrf(web.session)
                + "<p><label>User name <input name=\"username\" id=\"username\" autocomplete=\"username\" required></label></p>"
                + "<p><label>Password <input name=\"password\" id=\"password\" type=\"password\" autocomplete=\"current-password\" required></label></p>"
                + "<p><button type=\"submit\" id=\"sign-in\">Sign in</button></p></form>";
        web.session = null; // the page shows no menu before sign-in
        web.html(status, Html.page("Sign in", null, body));
    }

    /** The browser may keep the id as long as a session can live; the server ends it sooner when idle. */
    private java.time.Duration sessionCookieAge() {
        return sessions.maxAge();
    }
}
