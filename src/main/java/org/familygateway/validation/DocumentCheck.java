package org.familygateway.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
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
 * reader go to the schema validator and on to the checks beyond the schema. DTDs and entity
 * references are refused outright; every problem names its element path. One instance is reused
 * for document after document (the validator is costly to make), from one thread.
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
    private Map<String, String> inherited = Map.of();
    private Origin origin = Origin.FILE;

    /**
     * Where a document read from a copy stood in the file it was taken from (a share's record is
     * checked from its copy): the line and column its first tag started at, and how many characters
     * longer that tag is in the copy (which declares its namespaces there), so that what follows it
     * on the first line is placed right too.
     */
    record Origin(int line, int column, int longerFirstTag) {
        /** The document is the file itself. */
        static final Origin FILE = new Origin(1, 1, 0);
    }

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
        begin(source, context, inheritedNamespaces, Origin.FILE);
    }

    /** Starts a document read from a copy, placing every problem in the file the copy was taken from. */
    void begin(XMLStreamReader source, CheckContext context, Map<String, String> inheritedNamespaces, Origin from)
            throws SAXException {
        reader = source;
        origin = from;
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
        return reader.getLocation().getLineNumber() + origin.line() - 1;
    }

    private int column() {
        Location at = reader.getLocation();
        if (at.getLineNumber() > 1) {
            return at.getColumnNumber();
        }
        return at.getColumnNumber() == 1 ? origin.column() : at.getColumnNumber() + origin.column() - 1 - origin.longerFirstTag();
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


    private static String emptyIfNull(String s) {
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
