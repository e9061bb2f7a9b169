package org.familygateway.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;
import org.xml.sax.SAXException;

/**
 * Reads a submitted message as a stream and decides on it. A referral or consent update is checked
 * whole: valid, or rejected with every problem found. An information share is checked record by
 * record, so that one bad record never sinks the good ones and a file of any size is never held in
 * memory: accepted records are spooled in chunks, rejected ones are listed by position. A share's
 * records are checked on the machine's cores while this thread reads on (ShareRecords); this thread
 * alone spools them, in order. Not thread-safe: one reader per thread.
 */
public final class SubmissionReader {

    private static final Set<String> WHOLE_MESSAGES = Set.of(Submission.REFERRAL, Submission.CONSENT_UPDATE);

    private final XMLInputFactory factory;
    private final DocumentCheck check = new DocumentCheck(ContractSchema.schema());
    private final RecordCopier copier = new RecordCopier();
    private final long maxWholeMessageChars;
    private final int chunkSize;
    private final int maxListedRejections;

    public SubmissionReader(long maxSubmissionBytes, long maxWholeMessageBytes, int chunkSize, int maxListedRejections) {
        this.factory = SecureXml.inputFactory(maxSubmissionBytes);
        this.maxWholeMessageChars = maxWholeMessageBytes;
        this.chunkSize = chunkSize;
        this.maxListedRejections = maxListedRejections;
    }

    /**
     * @param deliveredBy the partner that delivered the message (null to check a sample on its own)
     * @param receivedOn  the day it arrived, on the UK calendar
     * @param work        a folder of this delivery's own, for a share's chunks
     */
    public Submission read(InputStream in, String deliveredBy, LocalDate receivedOn, Path work) {
        return read(in, deliveredBy, receivedOn, work, RecordPermit.ANY);
    }

    /** As above, each record of a share also asked of the sharing rules ({@code permit}) before it is accepted. */
    public Submission read(InputStream in, String deliveredBy, LocalDate receivedOn, Path work, RecordPermit permit) {
        return read(in, deliveredBy, receivedOn, work, permit, ChunkSink.NONE);
    }

    /**
     * As above, each chunk of a share's accepted records also handed to {@code sink} as soon as it is
     * written. A refusal found after the message's own id was read names that id, if it is a valid one.
     */
    public Submission read(InputStream in, String deliveredBy, LocalDate receivedOn, Path work, RecordPermit permit, ChunkSink sink) {
        MessageIdRead messageId = new MessageIdRead();
        try {
            return read(in, new CheckContext(deliveredBy, receivedOn), work, permit, sink, messageId);
        } catch (Rejection rejection) {
            throw messageId.valid == null ? rejection : rejection.withSenderMessageId(messageId.valid);
        }
    }

    private Submission read(InputStream in, CheckContext context, Path work, RecordPermit permit, ChunkSink sink, MessageIdRead messageId) {
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(in);
            String root = rootElement(reader);
            if (WHOLE_MESSAGES.contains(root)) {
                return whole(reader, root, context, messageId);
            }
            return share(reader, context, work, permit, sink, messageId);
        } catch (XMLStreamException e) {
            throw DocumentCheck.malformed(e);
        } catch (SAXException e) {
            throw new Rejection(ReasonCodeType.SCHEMA_INVALID, XsdMessages.withoutValues(e.getMessage()), null, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the share", e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof XMLStreamException x) {
                throw DocumentCheck.malformed(x);
            }
            throw e;
        } finally {
            close(reader);
        }
    }

    /** Moves to the root element, refusing a DTD on the way; returns its name if it is a submission. */
    private String rootElement(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new Rejection(ReasonCodeType.XML_FORBIDDEN_CONSTRUCT,
                        "the XML contains a DTD (DOCTYPE declaration); the gateway never processes DTDs or entities",
                        "line " + reader.getLocation().getLineNumber());
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String local = reader.getLocalName();
                if (!ContractSchema.NAMESPACE.equals(reader.getNamespaceURI())
                        || !(WHOLE_MESSAGES.contains(local) || Submission.INFORMATION_SHARE.equals(local))) {
                    throw new Rejection(ReasonCodeType.SCHEMA_INVALID, "the message must be a Referral, InformationShare or "
                            + "ConsentUpdate in namespace " + ContractSchema.NAMESPACE + ", not {" + reader.getNamespaceURI() + "}" + local,
                            "/" + local);
                }
                return local;
            }
        }
        throw new Rejection(ReasonCodeType.XML_MALFORMED, "the message holds no XML element");
    }

    private Submission whole(XMLStreamReader reader, String type, CheckContext context, MessageIdRead read)
            throws XMLStreamException, SAXException {
        check.begin(reader, context, Map.of());
        String messageId = element(reader, reader.getEventType(), "MessageId");
        read.found(messageId);
        if (reader.getLocation().getCharacterOffset() > maxWholeMessageChars) {
            throw new Rejection(ReasonCodeType.MESSAGE_TOO_LARGE, "a " + type + " may not be larger than " + maxWholeMessageChars + " bytes");
        }
        List<Rejection> problems = check.end();
        if (!problems.isEmpty()) {
            throw Rejection.of(problems);
        }
        return Submission.whole(type, messageId);
    }

    private Submission share(XMLStreamReader reader, CheckContext context, Path work, RecordPermit permit, ChunkSink sink,
            MessageIdRead read) throws XMLStreamException, SAXException, IOException {
        if (reader.getAttributeCount() > 0) {
            throw new Rejection(ReasonCodeType.SCHEMA_INVALID, "InformationShare takes no attributes", "/InformationShare");
        }
        Map<String, String> namespaces = declaredNamespaces(reader);
        ShareHeader header = header(reader, context, namespaces);
        read.found(header.messageId());
        try (ShareSpool spool = new ShareSpool(work, header.text(), chunkSize, maxListedRejections, header.messageId(), sink);
                ShareRecords records = new ShareRecords(context, namespaces, spool, permit)) {
            for (int event = nextElement(reader); event == XMLStreamConstants.START_ELEMENT; event = nextElement(reader)) {
                records.read(reader);
            }
            records.finish();
            spool.close();
            return header.judge(spool);
        }
    }

    private ShareHeader header(XMLStreamReader reader, CheckContext context, Map<String, String> namespaces)
            throws XMLStreamException, SAXException {
        if (nextElement(reader) != XMLStreamConstants.START_ELEMENT || !"ShareHeader".equals(reader.getLocalName())) {
            throw new Rejection(ReasonCodeType.SCHEMA_INVALID, "an InformationShare starts with its ShareHeader", "/InformationShare");
        }
        check.begin(reader, context, namespaces);
        Map<String, String> fields = new LinkedHashMap<>();
        copier.copyElement(reader, namespaces, fields, check, null);
        List<Rejection> problems = check.end();
        if (!problems.isEmpty()) {
            throw Rejection.of(problems);
        }
        return new ShareHeader(copier.text(), fields.get("MessageId"), fields.get("RecordCount"));
    }

    /** The text of a direct child of the current element, read to the element's end and checked on the way. */
    private String element(XMLStreamReader reader, int first, String child) throws XMLStreamException, SAXException {
        Map<String, String> fields = new LinkedHashMap<>();
        int depth = 0;
        String current = null;
        int elements = 0;
        for (int event = first; ; event = reader.next()) {
            check.pass(event);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (++elements > SecureXml.MAX_ELEMENTS_PER_DOCUMENT) {
                    throw RecordCopier.tooManyElements(check.where());
                }
                current = depth == 2 ? reader.getLocalName() : null;
            } else if (event == XMLStreamConstants.CHARACTERS && current != null) {
                fields.merge(current, reader.getText(), String::concat);
            } else if (event == XMLStreamConstants.END_ELEMENT && --depth == 0) {
                return fields.getOrDefault(child, "").trim();
            }
        }
    }

    /** Moves to the next child element of the share, or its end; text between records is refused. */
    private static int nextElement(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
                return event;
            }
            if (event == XMLStreamConstants.CHARACTERS && !reader.isWhiteSpace()) {
                throw new Rejection(ReasonCodeType.SCHEMA_INVALID, "text between the records of an InformationShare",
                        "line " + reader.getLocation().getLineNumber());
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.DTD) {
                throw new Rejection(ReasonCodeType.XML_FORBIDDEN_CONSTRUCT, "the XML contains an entity reference",
                        "line " + reader.getLocation().getLineNumber());
            }
        }
        throw new Rejection(ReasonCodeType.XML_MALFORMED, "the InformationShare ends before its closing tag");
    }

    private static Map<String, String> declaredNamespaces(XMLStreamReader reader) {
        Map<String, String> declared = new LinkedHashMap<>();
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String prefix = reader.getNamespacePrefix(i);
            declared.put(prefix == null ? "" : prefix, reader.getNamespaceURI(i));
        }
        return declared;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing to release that matters
            }
        }
    }

    /** The message's own id, once read: kept only if it has the shape the schema gives message ids. */
    private static final class MessageIdRead {

        private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");

        private String valid;

        void found(String messageId) {
            valid = messageId != null && MESSAGE_ID.matcher(messageId).matches() ? messageId : null;
        }
    }

    /** What the header says, and the whole-share rules that depend on it. */
    private record ShareHeader(String text, String messageId, String declaredCount) {

        Submission judge(ShareSpool spool) {
            var tally = spool.tally();
            if (tally.received() == 0) {
                throw new Rejection(ReasonCodeType.SCHEMA_INVALID, "an InformationShare needs at least one record", "/InformationShare");
            }
            if (declaredCount != null && !declaredCount.isEmpty() && Long.parseLong(declaredCount) != tally.received()) {
                throw new Rejection(ReasonCodeType.RECORD_COUNT_MISMATCH, "the header says " + declaredCount + " records but the share holds "
                        + tally.received() + "; the file may be truncated", "/InformationShare/ShareHeader/Extract/RecordCount");
            }
            if (tally.accepted() == 0) {
                throw new Rejection(tally.listed().get(0).problems().get(0).code(),
                        "none of the " + tally.received() + " records was accepted (each is listed with its reasons)").withRecords(tally);
            }
            return new Submission(Submission.INFORMATION_SHARE, messageId, tally, spool.chunks(), spool.rejectedRecords());
        }
    }
}
