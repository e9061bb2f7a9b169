package org.familygateway.agreement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.familygateway.audit.AuditEntry;
import org.familygateway.audit.AuditEventType;
import org.familygateway.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agreements as they stand for the next message: the files re-read when they change, and the
 * suspensions and ends made by command applied over them (the stricter status wins). Asked once per
 * message, so a change takes effect from the next one without a restart. A change found in the
 * files while the gateway runs is audited (AGREEMENT_CHANGED); commands audit their own. What is in
 * force at start-up is logged, not audited: the files are configuration, and a start adds no
 * decision about anyone's data. A folder that no longer reads fails closed: messages are refused
 * for retry until it is fixed.
 */
public final class AgreementRegistry implements Supplier<Agreements> {

    /** Where agreements come from: a folder of files, in the running gateway. */
    public interface Source {
        /** Changes whenever the agreements may have (e.g. the files' names, sizes and times). */
        Object version();

        List<Agreement> load();
    }

    private static final Logger LOG = LoggerFactory.getLogger(AgreementRegistry.class);
    static final String FILE_ACTOR = "agreement files";

    private final Source source;
    private final StatusChanges commands;
    private final AuditTrail audit;
    private Object version;
    private Map<String, Agreement> fromFiles = Map.of();

    public AgreementRegistry(Source source, StatusChanges commands, AuditTrail audit) {
        this.source = source;
        this.commands = commands;
        this.audit = audit;
    }

    @Override
    public Agreements get() {
        Map<String, Agreement> files = filesNow();
        Map<String, StatusChanges.Change> changed = commands == null ? Map.of() : commands.latest();
        return new Agreements(files.values().stream().map(a -> {
            StatusChanges.Change change = changed.get(a.id());
            return change == null ? a : a.withStatus(a.status().stricter(change.status()));
        }).toList());
    }

    private synchronized Map<String, Agreement> filesNow() {
        Object now = source.version();
        if (!Objects.equals(now, version)) {
            Map<String, Agreement> loaded = new HashMap<>();
            source.load().forEach(a -> loaded.put(a.id(), a));
            new Agreements(loaded.values());
            if (version != null) {
                auditDifferences(fromFiles, loaded);
            }
            fromFiles = Map.copyOf(loaded);
            version = now;
            LOG.info("data-sharing agreements loaded: {}", loaded.keySet().stream().sorted().toList());
        }
        return fromFiles;
    }

    private void auditDifferences(Map<String, Agreement> before, Map<String, Agreement> after) {
        after.values().stream().sorted(java.util.Comparator.comparing(Agreement::id)).forEach(a -> {
            Agreement old = before.get(a.id());
            if (old == null) {
                changed(a.id(), "added: " + describe(a));
            } else if (!old.equals(a)) {
                changed(a.id(), "changed in its file: " + (old.status() == a.status() ? "" : old.status() + " -> ") + describe(a));
            }
        });
        before.keySet().stream().filter(id -> !after.containsKey(id)).sorted().forEach(id -> changed(id, "removed from the agreement files"));
    }

    private static String describe(Agreement a) {
        return a.status() + ", valid " + a.validFrom() + " to " + (a.validTo() == null ? "open-ended" : a.validTo())
                + ", partners " + a.partners().keySet().stream().sorted().toList();
    }

    private void changed(String agreementId, String detail) {
        if (audit != null) {
            audit.append(AuditEntry.byActor(AuditEventType.AGREEMENT_CHANGED, FILE_ACTOR, null, detail).withAgreement(agreementId, null));
        }
    }
}
