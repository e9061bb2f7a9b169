package org.familygateway.validation;

import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.ValidatorHandler;

import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Feeds the events of a StAX reader to a schema validator, one element subtree at a time. Refuses
 * DTDs and entity references outright, keeps the element path for error messages, and collects
 * every schema error (up to a cap) instead of stopping at the first.
 */
final class StreamingValidation implements ErrorHandler {

    private static final int MAX_REPORTED_ERRORS = 20;

    private final XMLStreamReader reader;
    private final ValidatorHandler validator;
    private final ElementPath path = new ElementPath();
    private final List<Rejection> errors = new ArrayList<>();

    StreamingValidation(XMLStreamReader reader, ValidatorHandler validator) {
        this.reader = reader;
        this.validator = validator;
        validator.setErrorHandler(this);
        validator.setDocumentLocator(new ReaderLocator());
    }

    /** Path of the element the reader is in, for callers' own messages. */
    String path() {
        return path.current();
    }

    int depth() {
        return path.depth();
    }

    void startDocument() throws SAXException {
        validator.startDocument();
    }

    /** Passes the current event on; returns it. */
    int pass(int event) throws SAXException {
        switch (event) {
            case XMLStreamConstants.DTD -> throw forbidden("a DTD (DOCTYPE declaration)");
            case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION -> throw forbidden("an entity reference");
            case XMLStreamConstants.START_ELEMENT -> startElement();
            case XMLStreamConstants.END_ELEMENT -> endElement();
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    validator.characters(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
            default -> {
                // comments and processing instructions carry nothing the schema checks
            }
        }
        return event;
    }

    void endDocument() throws SAXException {
        validator.endDocument();
    }

    /** Throws the collected schema errors, if any. */
    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw Rejection.of(errors);
        }
    }

    private void startElement() throws SAXException {
        path.enter(reader.getLocalName());
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            validator.startPrefixMapping(nullToEmpty(reader.getNamespacePrefix(i)), nullToEmpty(reader.getNamespaceURI(i)));
        }
        AttributesImpl attributes = new AttributesImpl();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String prefix = nullToEmpty(reader.getAttributePrefix(i));
            String local = reader.getAttributeLocalName(i);
            attributes.addAttribute(nullToEmpty(reader.getAttributeNamespace(i)), local,
                    prefix.isEmpty() ? local : prefix + ":" + local, reader.getAttributeType(i), reader.getAttributeValue(i));
        }
        validator.startElement(nullToEmpty(reader.getNamespaceURI()), reader.getLocalName(), qualifiedName(), attributes);
    }

    private void endElement() throws SAXException {
        validator.endElement(nullToEmpty(reader.getNamespaceURI()), reader.getLocalName(), qualifiedName());
        for (int i = reader.getNamespaceCount() - 1; i >= 0; i--) {
            validator.endPrefixMapping(nullToEmpty(reader.getNamespacePrefix(i)));
        }
        path.leave();
    }

    private String qualifiedName() {
        String prefix = nullToEmpty(reader.getPrefix());
        return prefix.isEmpty() ? reader.getLocalName() : prefix + ":" + reader.getLocalName();
    }

    private Rejection forbidden(String what) {
        return new Rejection(ReasonCodeType.XML_FORBIDDEN_CONSTRUCT,
                "the XML contains " + what + "; the gateway never processes DTDs or entities", where());
    }

    private String where() {
        return path.current() + " (line " + reader.getLocation().getLineNumber()
                + ", column " + reader.getLocation().getColumnNumber() + ")";
    }

    @Override
    public void warning(SAXParseException exception) {
        // warnings do not make a message invalid
    }

    @Override
    public void error(SAXParseException exception) {
        if (errors.size() < MAX_REPORTED_ERRORS) {
            errors.add(new Rejection(ReasonCodeType.SCHEMA_INVALID, XsdMessages.withoutValues(exception.getMessage()), where()));
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
        return new Rejection(ReasonCodeType.XML_MALFORMED, "the XML is not well-formed: " + message, at, e);
    }

    private static String nullToEmpty(String s) {
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
            return reader.getLocation().getLineNumber();
        }

        @Override
        public int getColumnNumber() {
            return reader.getLocation().getColumnNumber();
        }
    }
}
