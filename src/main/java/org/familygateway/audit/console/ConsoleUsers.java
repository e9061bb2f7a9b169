package org.familygateway.audit.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.familygateway.audit.AuditEntry;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;
import org.familygateway.model.Transactions;

/** The people who may use the console, with Argon2id password hashes. Each change is audited with it. */
public final class ConsoleUsers {

    /** A console user as listed (never with the hash). */
    public record User(String name, Role role, boolean disabled) {
    }

    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final Clock clock;
    private final PasswordHasher hasher = new PasswordHasher();

    public ConsoleUsers(DataSource dataSource, AuditTrail audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds a user; {@code by} is who did it (the operating-system user on the command line). */
    public void add(String name, Role role, char[] password, String by) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 2 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter");
        }
        if (password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        String hash = hasher.hash(password);
        change("insert into console_user (name, role, password_hash, created_at) values (?, ?, ?, ?)",
                List.of(name, role.label(), hash, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)),
                by, "added user " + name + " with role " + role.label());
    }

    public void disable(String name, String by) {
        change("update console_user set disabled_at = ? where name = ? and disabled_at is null",
                List.of(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), name), by, "disabled user " + name);
    }

    public void enable(String name, String by) {
        change("update console_user set disabled_at = null where name = ? and disabled_at is not null", List.of(name), by,
                "enabled user " + name);
    }

    /** The user, if the name and password match an enabled user. */
    public Optional<User> authenticate(String name, char[] password) {
        Optional<String[]> row = find(name);
        if (row.isEmpty()) {
            hasher.matchNothing(password);
            return Optional.empty();
        }
        boolean matches = hasher.matches(password, row.get()[1]);
        if (!matches || row.get()[2] != null) {
            return Optional.empty();
        }
        return Optional.of(new User(name, Role.fromLabel(row.get()[0]), false));
    }

    public List<User> all() {
        List<User> users = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select name, role, disabled_at from console_user order by name");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                users.add(new User(rows.getString(1), Role.fromLabel(rows.getString(2)), rows.getObject(3) != null));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the console users", e);
        }
        return users;
    }

    private Optional<String[]> find(String name) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select role, password_hash, disabled_at from console_user where name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new String[] {rows.getString(1), rows.getString(2),
                    rows.getObject(3) == null ? null : "disabled"}) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the console users", e);
        }
    }

    /** The change and its audit entry commit together. */
    private void change(String sql, List<Object> parameters, String by, String what) {
        try (Connection connection = dataSource.getConnection()) {
            Transactions.inTransaction(connection, c -> {
                try (PreparedStatement statement = c.prepareStatement(sql)) {
                    for (int i = 0; i < parameters.size(); i++) {
                        statement.setObject(i + 1, parameters.get(i));
                    }
                    if (statement.executeUpdate() != 1) {
                        throw new IllegalArgumentException("nothing to change: " + what);
                    }
                    return audit.append(c, AuditEntry.byActor(AuditEventType.USER_CHANGED, by, null, what));
                }
            });
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new IllegalArgumentException("a user with that name exists already", e);
            }
            throw new IllegalStateException("could not change the console users", e);
        }
    }
}
