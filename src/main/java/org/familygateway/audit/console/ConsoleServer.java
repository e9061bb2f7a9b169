package org.familygateway.audit.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.time.Duration;
import java.util.Set;

import javax.sql.DataSource;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.familygateway.audit.AuditSearch;
import org.familygateway.audit.AuditTrail;
import org.familygateway.audit.Checkpoints;
import org.familygateway.audit.LogVerifier;
import org.familygateway.model.Pseudonyms;

/** The IG console on a Jetty server of its own (the Jetty CXF already brings), with its pages and who may see each. */
public final class ConsoleServer implements AutoCloseable {

    /** Where it listens and how long sessions live. */
    public record Options(String host, int port, Duration idleTimeout, Duration maxAge, boolean secureCookies) {
    }

    private static final Set<Role> IG = Set.of(Role.IG_OFFICER);
    private static final Set<Role> ADMIN = Set.of(Role.ADMINISTRATOR);
    private static final Set<Role> ANYONE = Set.of(Role.IG_OFFICER, Role.ADMINISTRATOR);

    private final Server server;
    private final ServerConnector connector;

    private ConsoleServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * What the agreements step counted (messages and records by agreement, partner and data
     * category) over a period, as table rows: the usage report's second table.
     */
    public interface UsageByCategory {
        List<List<String>> rows(Instant from, Instant to);
    }

    public static ConsoleServer start(Options options, DataSource dataSource, AuditTrail audit, Checkpoints checkpoints,
                                      Pseudonyms pseudonyms, Clock clock) {
        return start(options, dataSource, audit, checkpoints, pseudonyms, clock, (from, to) -> List.of());
    }

    public static ConsoleServer start(Options options, DataSource dataSource, AuditTrail audit, Checkpoints checkpoints,
                                      Pseudonyms pseudonyms, Clock clock, UsageByCategory usageByCategory) {
        ConsoleSessions sessions = new ConsoleSessions(clock, options.idleTimeout(), options.maxAge());
        ConsoleUsers users = new ConsoleUsers(dataSource, audit, clock);
        AuditSearch search = new AuditSearch(dataSource);
        Access access = new Access(audit);
        Subjects subjects = new Subjects(pseudonyms);
        LoginPage login = new LoginPage(sessions, users, audit);
        SubjectReportPage report = new SubjectReportPage(search, subjects, access);
        SearchPage searchPage = new SearchPage(search, subjects, access);
        UsageAndQuarantinePages lists = new UsageAndQuarantinePages(search, access, usageByCategory);
        AdminPage admin = new AdminPage(users, checkpoints);
        ConsoleHandler handler = new ConsoleHandler(sessions, audit, login, options.secureCookies())
                .route("GET", "/", ANYONE, web -> web.redirect(web.session.role() == Role.ADMINISTRATOR ? "/admin" : "/search"))
                .route("POST", "/logout", ANYONE, login::signOut)
                .route("GET", "/search", IG, searchPage)
                .route("POST", "/search", IG, searchPage)
                .route("GET", "/entries/", IG, new EntryPage(search, access))
                .route("GET", "/subject", IG, report)
                .route("POST", "/subject", IG, report)
                .route("GET", "/subject.csv", IG, report)
                .route("GET", "/usage", IG, lists::usage)
                .route("GET", "/quarantine", IG, lists::quarantine)
                .route("GET", "/verification", ANYONE, new VerificationPage(
                        new LogVerifier(dataSource, checkpoints.verifier()), checkpoints, access))
                .route("GET", "/admin", ADMIN, admin::show)
                .route("POST", "/admin/checkpoint", ADMIN, admin::checkpoint)
                .route("POST", "/admin/users/disable", ADMIN, admin::disable)
                .route("POST", "/admin/users/enable", ADMIN, admin::enable);

        Server server = new Server(new QueuedThreadPool(16, 2));
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);
        server.setHandler(handler);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the IG console on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
        }
        return new ConsoleServer(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String address() {
        return "http://" + connector.getHost() + ":" + port() + "/";
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the IG console", e);
        }
    }
}
