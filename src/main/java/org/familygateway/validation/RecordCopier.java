package org.familygateway.validation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import com.ctc.wstx.stax.WstxOutputFactory;

/**
 * Copies the events of one element (a record, a header) into bytes as they are read, so that a
 * record can be kept or dropped once its checks are done. Namespaces are declared on the copy's root
 * as needed, so each copy stands on its own.
 */
final class RecordCopier {

    private final XMLOutputFactory factory = new WstxOutputFactory();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8 * 1024);
    private XMLStreamWriter writer;

    RecordCopier() {
        factory.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
    }

    void begin() throws XMLStreamException {
        buffer.reset();
        writer = factory.createXMLStreamWriter(buffer, "UTF-8");
    }

    void copy(XMLStreamReader reader, int event) throws XMLStreamException {
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> {
                writer.writeStartElement(emptyIfNull(reader.getPrefix()), reader.getLocalName(), emptyIfNull(reader.getNamespaceURI()));
                for (int i = 0; i < reader.getAttributeCount(); i++) {
                    writer.writeAttribute(emptyIfNull(reader.getAttributePrefix(i)), emptyIfNull(reader.getAttributeNamespace(i)),
                            reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                }
            }
            case XMLStreamConstants.END_ELEMENT -> writer.writeEndElement();
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.CDATA ->
                    writer.writeCharacters(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
            default -> {
                // comments and processing instructions are not carried on
            }
        }
    }

    void end() throws XMLStreamException {
        writer.close();
    }

    void writeTo(OutputStream out) throws IOException {
        buffer.writeTo(out);
    }

    byte[] bytes() {
        return buffer.toByteArray();
    }

    private static String emptyIfNull(String s) {
        return s == null ? "" : s;
    }
}
