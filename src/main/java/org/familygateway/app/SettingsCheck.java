package org.familygateway.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.familygateway.app.GatewaySettings.Backpressure;
import org.familygateway.app.GatewaySettings.Console;
import org.familygateway.app.GatewaySettings.Retention;

/** What is wrong with a gateway's settings, each problem named by its setting; none when they can run. */
final class SettingsCheck {

    private SettingsCheck() {
    }

    static List<String> problems(GatewaySettings s) {
        List<String> problems = new ArrayList<>();
        require(problems, "dataDir", s.dataDir());
        require(problems, "partners", s.partners());
        require(problems, "agreements", s.agreements());
        if (s.agreements() != null && !Files.isDirectory(s.agreements())) {
            problems.add("agreements: " + s.agreements() + " is not a folder");
        }
        require(problems, "soap", s.soap());
        require(problems, "sftp", s.sftp());
        require(problems, "receipts", s.receipts());
        require(problems, "broker", s.broker());
        if (s.trustAnchors() == null || s.trustAnchors().isEmpty()) {
            problems.add("trustAnchors: at least one CA certificate is needed");
        } else {
            s.trustAnchors().forEach(p -> mustExist(problems, "trustAnchors", p));
        }
        mustExist(problems, "partners", s.partners());
        if (s.soap() != null) {
            port(problems, "soap.port", s.soap().port());
            mustExist(problems, "soap.tlsCertificate", s.soap().tlsCertificate());
            mustExist(problems, "soap.tlsKey", s.soap().tlsKey());
            if (s.soap().path() == null || !s.soap().path().startsWith("/")) {
                problems.add("soap.path must start with /");
            }
            if (s.soap().maxMessageBytes() <= 0) {
                problems.add("soap.maxMessageBytes must be positive");
            }
        }
        if (s.sftp() != null) {
            port(problems, "sftp.port", s.sftp().port());
            mustExist(problems, "sftp.hostKey", s.sftp().hostKey());
            if (s.sftp().maxFileBytes() <= 0) {
                problems.add("sftp.maxFileBytes must be positive");
            }
        }
        if (s.receipts() != null) {
            mustExist(problems, "receipts.signingCertificate", s.receipts().signingCertificate());
            mustExist(problems, "receipts.signingKey", s.receipts().signingKey());
        }
        if (s.broker() != null && s.broker().embedded()) {
            port(problems, "broker.port", s.broker().port());
        }
        checkAuditAndConsole(s, problems);
        try {
            s.matching().settings();
        } catch (IllegalArgumentException e) {
            problems.add("matching: " + e.getMessage());
        }
        require(problems, "eligibility", s.eligibility());
        if (s.eligibility() != null) {
            require(problems, "eligibility.ruleSet", s.eligibility().ruleSet());
            mustExist(problems, "eligibility.ruleSet", s.eligibility().ruleSet());
            if (s.eligibility().reviewInterval().isNegative() || s.eligibility().reviewInterval().isZero()) {
                problems.add("eligibility.reviewEveryMinutes must be positive");
            }
        }
        return problems;
    }

    private static void checkAuditAndConsole(GatewaySettings s, List<String> problems) {
        if (s.audit().entriesPerCheckpoint() < 0 || s.audit().checkpointInterval().isNegative()) {
            problems.add("audit.checkpointEveryEntries and audit.checkpointEveryMinutes cannot be negative");
        }
        try {
            Retention retention = s.audit().retentionOrDefault();
            if (retention.defaultPeriod().isNegative() || retention.perAgreement().values().stream().anyMatch(Period::isNegative)) {
                problems.add("audit.retention periods cannot be negative");
            }
        } catch (DateTimeParseException e) {
            problems.add("audit.retention: a period is written like P6Y or P18M (" + e.getParsedString() + ")");
        }
        if (s.operations().on()) {
            port(problems, "operations.port", s.operations().portOrDefault());
        }
        Backpressure b = s.backpressure();
        if (b.casesBound() < 1 || b.intakeBound() < 1 || b.retryAfter().isNegative()) {
            problems.add("backpressure: the bounds must be positive and retryAfterSeconds not negative");
        }
        Console c = s.console();
        if (c.on()) {
            port(problems, "console.port", c.portOrDefault());
            // a session cookie without Secure must not cross a network: off loopback, HTTPS in front is required
            if (!isLoopback(c.hostOrDefault()) && !c.cookiesSecure()) {
                problems.add("console.host " + c.hostOrDefault() + " is not loopback: serve the console behind HTTPS "
                        + "and set console.secureCookies: true");
            }
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    private static void require(List<String> problems, String name, Object value) {
        if (value == null) {
            problems.add(name + " is missing");
        }
    }

    private static void mustExist(List<String> problems, String name, Path path) {
        if (path != null && !Files.isReadable(path)) {
            problems.add(name + ": cannot read " + path);
        }
    }

    private static void port(List<String> problems, String name, int port) {
        if (port < 1 || port > 65535) {
            problems.add(name + " must be between 1 and 65535, not " + port);
        }
    }
}
