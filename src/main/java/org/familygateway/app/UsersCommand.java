package org.familygateway.app;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.familygateway.audit.console.ConsoleUsers;
import org.familygateway.audit.console.Role;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Manages the IG console's users. The password is asked for (twice) on a terminal, or read as the
 * first line of standard input; never an argument, which other users of the machine could see.
 */
@Command(name = "users", description = "Console users: `users add --role ig-officer|administrator NAME` (password from "
        + "the prompt or standard input), `users list`, `users disable NAME`, `users enable NAME`.")
final class UsersCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", paramLabel = "ACTION", description = "add, list, disable or enable")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME")
    String name;

    @Option(names = "--role", paramLabel = "ROLE", description = "ig-officer or administrator (for add)")
    String role;

    @Override
    public Integer call() throws IOException {
        GatewaySettings settings = config.settings();
        try (Database database = Database.open(settings.jdbcUrl(), settings.database().user(), settings.database().password())) {
            AuditParts audit = new AuditParts(settings, database.dataSource(), Clock.systemUTC());
            ConsoleUsers users = new ConsoleUsers(database.dataSource(), audit.trail, Clock.systemUTC());
            String by = "command line (" + System.getProperty("user.name") + ")";
            if (action.equals("list")) {
                users.all().forEach(u -> System.out.printf("%-24s %-14s %s%n", u.name(), u.role().label(), u.disabled() ? "disabled" : "active"));
                return 0;
            }
            if (name == null) {
                System.err.println(action + " needs a user name");
                return 2;
            }
            switch (action) {
                case "add" -> {
                    if (role == null) {
                        System.err.println("add needs --role ig-officer or --role administrator");
                        return 2;
                    }
                    char[] password = password();
                    try {
                        users.add(name, Role.fromLabel(role), password, by);
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                    System.out.println("added " + name + " (" + role + ")");
                }
                case "disable" -> users.disable(name, by);
                case "enable" -> users.enable(name, by);
                default -> {
                    System.err.println("unknown action " + action + ": add, list, disable or enable");
                    return 2;
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    private static char[] password() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password (at least %d characters): ", ConsoleUsers.MIN_PASSWORD_LENGTH);
            char[] again = console.readPassword("Again: ");
            if (first == null || !Arrays.equals(first, again)) {
                throw new IllegalArgumentException("the two passwords differ");
            }
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new IllegalArgumentException("no password on standard input");
        }
        return line.toCharArray();
    }
}
