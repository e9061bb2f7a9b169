package org.familygateway.audit.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions, in memory: the browser holds only a random id. A session ends after an
 * idle timeout and, whatever the activity, after a maximum age. A session exists before sign-in
 * too, so that the sign-in form carries a CSRF token; signing in replaces it with a new id.
 */
final class ConsoleSessions {

    /** One browser's session; {@code user} and {@code role} are null until sign-in. */
    record Session(String id, String user, Role role, String csrfToken, Instant created, Instant lastSeen) {

        boolean signedIn() {
            return user != null;
        }

        /** Constant-time comparison of a submitted token with the session's. */
        boolean acceptsCsrf(String submitted) {
            return submitted != null && MessageDigest.isEqual(csrfToken.getBytes(), submitted.getBytes());
        }
    }

    private static final int MAX_SESSIONS = 10_000;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idle;
    private final Duration maxAge;

    ConsoleSessions(Clock clock, Duration idle, Duration maxAge) {
        this.clock = clock;
        this.idle = idle;
        this.maxAge = maxAge;
    }

    /** The live session with this id, touched; expired ones are forgotten. */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(session.id(), session.user(), session.role(), session.csrfToken(), session.created(), now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    Session anonymous() {
        return create(null, null);
    }

    /** A new session (new id, new token) for a user who just signed in; the old one ends. */
    Session signIn(Session before, String user, Role role) {
        end(before.id());
        return create(user, role);
    }

    void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    Duration maxAge() {
        return maxAge;
    }

    private Session create(String user, Role role) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> expired(s, now) || !s.signedIn());
        }
        Session session = new Session(token(), user, role, token(), now, now);
        sessions.put(session.id(), session);
        return session;
    }

    private boolean expired(Session session, Instant now) {
        return session.lastSeen().plus(idle).isBefore(now) || session.created().plus(maxAge).isBefore(now);
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
