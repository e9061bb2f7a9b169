package org.familygateway.validation;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.familygateway.model.Rejection;
import org.xml.sax.SAXException;

/**
 * The records of one share, as the reader meets them: each is copied, with the fields the sharing
 * rules need, and handed to RecordChecks; as verdicts come back, in the order read, each record is
 * asked of the sharing rules and spooled, accepted or rejected with its reasons. Not thread-safe:
 * one per share, used by the thread that reads it.
 */
final class ShareRecords implements AutoCloseable {

    private final RecordCopier copier = new RecordCopier();
    private final RecordEvents.Builder events = new RecordEvents.Builder();
    private final Map<String, String> namespaces;
    private final RecordChecks checks;
    private final ShareSpool spool;
    private final RecordPermit permit;
    private long position;

    /** @param namespaces the prefixes the share's root declares, which every record's copy declares again */
    ShareRecords(CheckContext context, Map<String, String> namespaces, ShareSpool spool, RecordPermit permit) {
        this.namespaces = namespaces;
        this.checks = new RecordChecks(context);
        this.spool = spool;
        this.permit = permit;
    }

    /** Takes the record at the reader's current element, reading it to its end. */
    void read(XMLStreamReader reader) throws XMLStreamException, SAXException, IOException {
        position++;
        String recordId = reader.getAttributeValue(null, "id");
        String element = reader.getLocalName();
        Map<String, String> fields = permit.needsFields(element) ? new LinkedHashMap<>() : null;
        Map<String, String> inScope = inScope(reader);
        events.clear();
        copier.copyElement(reader, namespaces, fields, null, events);
        spool(checks.add(new RecordChecks.Read(position, recordId, element, fields == null ? Map.of() : fields,
                copier.text(), events.build(), inScope)));
    }

    /**
     * The prefixes in scope at a record's start, as its copy declares them on its root: the share's,
     * and the record's own prefix (usually already among them).
     */
    private Map<String, String> inScope(XMLStreamReader reader) {
        String prefix = reader.getPrefix() == null ? "" : reader.getPrefix();
        String uri = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
        if (uri.equals(namespaces.get(prefix))) {
            return namespaces;
        }
        Map<String, String> withOwn = new LinkedHashMap<>(namespaces);
        withOwn.put(prefix, uri);
        return withOwn;
    }

    /** Waits for the checks still out and spools what they found. */
    void finish() throws SAXException, IOException {
        spool(checks.finish());
    }

    /** Drops the checks still out (after a failure; nothing once finished). */
    @Override
    public void close() {
        checks.abandon();
    }

    private void spool(List<RecordChecks.Checked> checked) throws IOException {
        for (RecordChecks.Checked each : checked) {
            RecordChecks.Read record = each.record();
            List<Rejection> refused = permit.check(record.element(), record.fields());
            List<Rejection> problems = refused.isEmpty() ? each.problems() : concat(each.problems(), refused);
            if (problems.isEmpty()) {
                spool.accepted(record.element(), record.copy());
                permit.accepted(record.element());
            } else {
                spool.rejected(record.position(), record.id(), problems, record.copy());
            }
        }
    }

    private static List<Rejection> concat(List<Rejection> first, List<Rejection> then) {
        return java.util.stream.Stream.concat(first.stream(), then.stream()).toList();
    }
}
