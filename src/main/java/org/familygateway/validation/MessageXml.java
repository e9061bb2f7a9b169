package org.familygateway.validation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

import org.familygateway.model.v1.ObjectFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Reads and writes the message types generated from schemas/v1, with the secure parser. */
public final class MessageXml {

    private static final JAXBContext CONTEXT = newContext();
    /**
     * For {@link #toElement}: finding a DOM implementation is a service-loader search (nearly 2 % of
     * the gateway's time under SOAP load), so each thread finds one once; builders are not thread-safe.
     */
    private static final ThreadLocal<DocumentBuilder> DOCUMENTS = ThreadLocal.withInitial(MessageXml::documentBuilder);

    private final XMLInputFactory factory;

    public MessageXml(long maxMessageBytes) {
        this.factory = SecureXml.inputFactory(maxMessageBytes);
    }

    public static final ObjectFactory ELEMENTS = new ObjectFactory();

    public <T> T read(byte[] xml, Class<T> type) {
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                return CONTEXT.createUnmarshaller().unmarshal(reader, type).getValue();
            } finally {
                reader.close();
            }
        } catch (JAXBException | XMLStreamException e) {
            throw new IllegalArgumentException("cannot read a " + type.getSimpleName() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** Reads one element whose type the document's root names (a record of any kind, say). */
    public JAXBElement<?> readElement(byte[] xml) {
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                Object read = CONTEXT.createUnmarshaller().unmarshal(reader);
                if (read instanceof JAXBElement<?> element) {
                    return element;
                }
                throw new IllegalArgumentException("cannot read a " + read.getClass().getSimpleName() + " as an element");
            } finally {
                reader.close();
            }
        } catch (JAXBException | XMLStreamException e) {
            throw new IllegalArgumentException("cannot read an element: " + e.getClass().getSimpleName(), e);
        }
    }

    public byte[] write(JAXBElement<?> element) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            marshaller().marshal(element, out);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write " + element.getName() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    public Element toElement(JAXBElement<?> element) {
        try {
            Document document = DOCUMENTS.get().newDocument();
            marshaller().marshal(element, document);
            return document.getDocumentElement();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write " + element.getName() + ": " + e.getMessage(), e);
        }
    }

    private static Marshaller marshaller() throws JAXBException {
        Marshaller marshaller = CONTEXT.createMarshaller();
        marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
        marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
        return marshaller;
    }

    private static DocumentBuilder documentBuilder() {
        try {
            DocumentBuilderFactory builders = DocumentBuilderFactory.newInstance();
            builders.setNamespaceAware(true);
            return builders.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no DOM implementation: " + e.getMessage(), e);
        }
    }

    private static JAXBContext newContext() {
        try {
            return JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
