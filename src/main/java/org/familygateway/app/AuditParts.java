package org.familygateway.app;

import java.time.Clock;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.familygateway.audit.AuditEntry;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;
import org.familygateway.audit.CheckpointSigner;
import org.familygateway.audit.Checkpoints;
import org.familygateway.audit.RetentionPolicy;
import org.familygateway.trust.Pem;
import org.familygateway.trust.ReceiptSigner;

/** The audit log's parts as the settings describe them, for the running gateway and the command line alike. */
final class AuditParts {

    final Checkpoints checkpoints;
    final AuditTrail trail;
    final RetentionPolicy retention;

    AuditParts(GatewaySettings settings, DataSource dataSource, Clock clock) {
        CheckpointSigner signer = new CheckpointSigner(receiptSigner(settings));
        this.checkpoints = new Checkpoints(dataSource, clock, signer, settings.audit().entriesPerCheckpoint());
        this.trail = new AuditTrail(dataSource, clock, checkpoints);
        GatewaySettings.Retention r = settings.audit().retentionOrDefault();
        this.retention = new RetentionPolicy(r.defaultPeriod(), retentionByAgreement(settings, r));
    }

    /**
     * Each agreement's own retention period, read from its file at start-up; a period set for it
     * under audit.retention.agreements in gateway.yaml takes precedence.
     */
    private static Map<String, Period> retentionByAgreement(GatewaySettings settings, GatewaySettings.Retention r) {
        Map<String, Period> periods = new HashMap<>();
        if (settings.agreements() != null) {
            new AgreementsFolder(settings.agreements()).load().stream().filter(a -> a.retention() != null)
                    .forEach(a -> periods.put(a.id(), a.retention()));
        }
        periods.putAll(r.perAgreement());
        return periods;
    }

    static ReceiptSigner receiptSigner(GatewaySettings settings) {
        return new ReceiptSigner(Pem.privateKey(settings.receipts().signingKey()), Pem.certificate(settings.receipts().signingCertificate()));
    }

    /** Reading or checking the log from the command line is an IG access too; it is recorded as one. */
    void commandLineAccess(String what) {
        trail.append(AuditEntry.byActor(AuditEventType.COMMAND_LINE_ACCESS, System.getProperty("user.name"), null, what));
    }
}
