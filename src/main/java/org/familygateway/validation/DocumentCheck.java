package org.familygateway.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;

import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Checks one document, or one record of a share as if it were a document: the events of a StAX
 * reader, or those recorded of a record as it was read (RecordEvents), go to the schema validator
 * and on to the checks beyond the schema. DTDs and entity references are refused outright; every
 * problem names its element path and where it is in the file. One instance is reused for document
 * after document (the validator is costly to make), from one thread.
 */
final class DocumentCheck implements ErrorHandler {

    private static final int MAX_REPORTED = 20;

    private final ValidatorHandler validator;
    private final CheckingHandler checks;
    private final ElementPath path = new ElementPath();
    /** Reused from element to element: the validator copies what it keeps. */
    private final AttributesImpl attributes = new AttributesImpl();
    private final List<Rejection> schemaErrors = new ArrayList<>();
    private XMLStreamReader reader;
    /** The record being replayed, and the event of it being passed on (instead of a reader). */
    private RecordEvents replayed;
    private int event;
    private Map<String, String> inherited = Map.of();

    DocumentCheck(Schema schema) {
        validator = schema.newValidatorHandler();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("the schema validator cannot be locked down", e);
        }
        validator.setErrorHandler(this);
        checks = new CheckingHandler(validator.getTypeInfoProvider(), new CheckingHandler.Position() {
            @Override
            public String path() {
                return path.current();
            }

            @Override
            public int line() {
                return DocumentCheck.this.line();
            }

            @Override
            public int column() {
                return DocumentCheck.this.column();
            }
        });
        validator.setContentHandler(checks);
    }

    /** Starts a document; {@code inheritedNamespaces} are prefixes declared above a record, by prefix. */
    void begin(XMLStreamReader source, CheckContext context, Map<String, String> inheritedNamespaces) throws SAXException {
        reader = source;
        replayed = null;
        inherited = inheritedNamespaces;
        path.reset();
        schemaErrors.clear();
        checks.begin(context);
        validator.setDocumentLocator(new ReaderLocator());
        validator.startDocument();
        for (Map.Entry<String, String> prefix : inherited.entrySet()) {
            validator.startPrefixMapping(prefix.getKey(), prefix.getValue());
        }
    }

    /** Passes the reader's current event on. */
    void pass(int event) throws SAXException {
        switch (event) {
            case XMLStreamConstants.DTD -> throw forbidden("a DTD (DOCTYPE declaration)");
            case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION -> throw forbidden("an entity reference");
            case XMLStreamConstants.START_ELEMENT -> startElement();
            case XMLStreamConstants.END_ELEMENT -> endElement();
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    validator.characters(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
            default -> {
                // comments and processing instructions carry nothing to check
            }
        }
    }

    /**
     * Checks a record from the events its reader met in the file (on another thread than the
     * reader's), placing every problem where its event was in the file.
     *
     * @param inheritedNamespaces the prefixes in scope at the record's start that it does not declare itself
     */
    List<Rejection> check(RecordEvents record, CheckContext context, Map<String, String> inheritedNamespaces) throws SAXException {
        begin(null, context, inheritedNamespaces);
        replayed = record;
        for (event = 0; event < record.size(); event++) {
            switch (record.kind(event)) {
                case RecordEvents.START -> startRecorded(record, event);
                case RecordEvents.END -> endRecorded(record, event);
                default -> validator.characters(record.text(), record.textStart(event), record.textLength(event));
            }
        }
        event = record.size() - 1;
        return end();
    }

    /** Ends the document: its schema errors if it has any, otherwise what the further checks found. */
    List<Rejection> end() throws SAXException {
        for (String prefix : inherited.keySet()) {
            validator.endPrefixMapping(prefix);
        }
        validator.endDocument();
        return schemaErrors.isEmpty() ? checks.problems() : List.copyOf(schemaErrors);
    }

    int depth() {
        return path.depth();
    }

    String where() {
        return position().toString();
    }

    Where position() {
        return new Where(path.current(), line(), column());
    }

    private int line() {
        return replayed != null ? replayed.line(event) : reader.getLocation().getLineNumber();
    }

    private int column() {
        return replayed != null ? replayed.column(event) : reader.getLocation().getColumnNumber();
    }

    private void startElement() throws SAXException {
        path.enter(reader.getLocalName());
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            validator.startPrefixMapping(emptyIfNull(reader.getNamespacePrefix(i)), emptyIfNull(reader.getNamespaceURI(i)));
        }
        attributes.clear();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String prefix = emptyIfNull(reader.getAttributePrefix(i));
            String local = reader.getAttributeLocalName(i);
            attributes.addAttribute(emptyIfNull(reader.getAttributeNamespace(i)), local,
                    prefix.isEmpty() ? local : prefix + ":" + local, reader.getAttributeType(i), reader.getAttributeValue(i));
        }
        validator.startElement(emptyIfNull(reader.getNamespaceURI()), reader.getLocalName(), qualifiedName(), attributes);
    }

    private void startRecorded(RecordEvents record, int at) throws SAXException {
        path.enter(record.localName(at));
        for (int i = 0; i < record.namespaceCount(at); i++) {
            validator.startPrefixMapping(record.namespacePrefix(at, i), record.namespaceDeclared(at, i));
        }
        attributes.clear();
        for (int i = 0; i < record.attributeCount(at); i++) {
            attributes.addAttribute(record.attributeNamespace(at, i), record.attributeLocalName(at, i),
                    record.attributeQualifiedName(at, i), "CDATA", record.attributeValue(at, i));
        }
        validator.startElement(record.namespaceUri(at), record.localName(at), record.qualifiedName(at), attributes);
    }

    private void endRecorded(RecordEvents record, int at) throws SAXException {
        validator.endElement(record.namespaceUri(at), record.localName(at), record.qualifiedName(at));
        for (int i = record.namespaceCount(at) - 1; i >= 0; i--) {
            validator.endPrefixMapping(record.namespacePrefix(at, i));
        }
        path.leave();
    }

    private void endElement() throws SAXException {
        validator.endElement(emptyIfNull(reader.getNamespaceURI()), reader.getLocalName(), qualifiedName());
        for (int i = reader.getNamespaceCount() - 1; i >= 0; i--) {
            validator.endPrefixMapping(emptyIfNull(reader.getNamespacePrefix(i)));
        }
        path.leave();
    }

    private String qualifiedName() {
        String prefix = emptyIfNull(reader.getPrefix());
        return prefix.isEmpty() ? reader.getLocalName() : prefix + ":" + reader.getLocalName();
    }

    private Rejection forbidden(String what) {
        return new Rejection(ReasonCodeType.XML_FORBIDDEN_CONSTRUCT,
                "the XML contains " + what + "; the gateway never processes DTDs or entities", where());
    }

    @Override
    public void warning(SAXParseException exception) {
        // warnings do not make a message invalid
    }

    @Override
    public void error(SAXParseException exception) {
        if (schemaErrors.size() < MAX_REPORTED) {
            schemaErrors.add(new Rejection(ReasonCodeType.SCHEMA_INVALID, XsdMessages.withoutValues(exception.getMessage()), where()));
        }
    }

    @Override
    public void fatalError(SAXParseException exception) throws SAXException {
        error(exception);
        throw exception;
    }

    static Rejection malformed(XMLStreamException e) {
        String at = e.getLocation() == null ? null
                : "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
        String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col]:\\[\\d+,\\d+]\\s*Message: ", "");
        message = message.replaceFirst("(?s)\\s*at \\[row,col.*$", "");
        if (SecureXml.namesALimit(message)) {
            return new Rejection(ReasonCodeType.XML_LIMIT_EXCEEDED, "the XML exceeds a limit: " + message, at, e);
        }
        return new Rejection(ReasonCodeType.XML_MALFORMED, "the XML is not well-formed: " + message, at, e);
    }


    static String emptyIfNull(String s) {
        return s == null ? "" : s;
    }

    private final class ReaderLocator implements Locator {
        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public String getSystemId() {
            return null;
        }

        @Override
        public int getLineNumber() {
            return line();
        }

        @Override
        public int getColumnNumber() {
            return column();
        }
    }
}
