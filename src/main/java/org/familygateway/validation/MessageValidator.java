package org.familygateway.validation;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;

import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * Validates a submitted message against the v1 contract: safe to parse, one of the message types
 * partners may submit, and valid against the schema. Returns the message's kind and sender id.
 */
public final class MessageValidator {

    public static final String NAMESPACE = "urn:familygateway:v1";
    private static final String SCHEMA = "schemas/v1/family-gateway.xsd";

    private final Schema schema;
    private final XMLInputFactory factory;
    private final Set<String> submissionTypes;

    public MessageValidator(long maxMessageBytes, Set<String> submissionTypes) {
        this.schema = loadSchema();
        this.factory = SecureXml.inputFactory(maxMessageBytes);
        this.submissionTypes = Set.copyOf(submissionTypes);
    }

    /** The messages partners may submit in v1. */
    public static MessageValidator forSubmissions(long maxMessageBytes) {
        return new MessageValidator(maxMessageBytes, Set.of("Referral"));
    }

    public ValidatedMessage validate(byte[] xml) {
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            StreamingValidation validation = new StreamingValidation(reader, newValidatorHandler());
            String type = null;
            StringBuilder messageId = new StringBuilder();
            boolean inMessageId = false;
            validation.startDocument();
            while (reader.hasNext()) {
                int event = validation.pass(reader.next());
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (type == null) {
                        type = requireSubmissionType(reader);
                    }
                    inMessageId = validation.depth() == 2 && "MessageId".equals(reader.getLocalName());
                } else if (event == XMLStreamConstants.CHARACTERS && inMessageId) {
                    messageId.append(reader.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    inMessageId = false;
                }
            }
            validation.endDocument();
            validation.throwIfInvalid();
            return new ValidatedMessage(type, messageId.toString().trim());
        } catch (XMLStreamException e) {
            throw StreamingValidation.malformed(e);
        } catch (SAXException e) {
            throw new Rejection(ReasonCodeType.SCHEMA_INVALID, XsdMessages.withoutValues(e.getMessage()), null, e);
        } catch (RuntimeException e) {
            if (e instanceof Rejection r) {
                throw r;
            }
            if (e.getCause() instanceof XMLStreamException x) {
                throw StreamingValidation.malformed(x);
            }
            throw e;
        } finally {
            close(reader);
        }
    }

    private String requireSubmissionType(XMLStreamReader reader) {
        String local = reader.getLocalName();
        if (!NAMESPACE.equals(reader.getNamespaceURI()) || !submissionTypes.contains(local)) {
            throw new Rejection(ReasonCodeType.SCHEMA_INVALID, "the message must be one of " + submissionTypes
                    + " in namespace " + NAMESPACE + ", not {" + reader.getNamespaceURI() + "}" + local, "/" + local);
        }
        return local;
    }

    private ValidatorHandler newValidatorHandler() {
        ValidatorHandler handler = schema.newValidatorHandler();
        try {
            handler.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            handler.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("the schema validator cannot be locked down", e);
        }
        return handler;
    }

    static Schema loadSchema() {
        URL url = MessageValidator.class.getClassLoader().getResource(SCHEMA);
        if (url == null) {
            throw new IllegalStateException(SCHEMA + " is not on the classpath");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            return factory.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load " + SCHEMA + ": " + e.getMessage(), e);
        }
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
}
