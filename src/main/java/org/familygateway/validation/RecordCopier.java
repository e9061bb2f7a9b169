package org.familygateway.validation;

import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;
import org.xml.sax.SAXException;

/**
 * Copies the events of one element (a record, a header) into text as they are read, so that a
 * record can be kept or dropped once its checks are done. The contract has one namespace, which the
 * copy declares on its root, with any prefix declared above the element; an element or attribute in
 * any other namespace keeps its own declaration. So a copy reads the same on its own, wherever it is
 * forwarded. Lean on purpose: bulk shares pass millions of records through it.
 */
final class RecordCopier {

    private final StringBuilder text = new StringBuilder(2048);
    private boolean atRoot;
    private Map<String, String> inherited = Map.of();

    /**
     * Copies the reader's current element to its end, collecting its leaves' text by name into
     * {@code fields} (if given) and counting its elements against the limit. The element's ancestors
     * declared {@code inheritedNamespaces} (by prefix); the copy declares them on its root, so that
     * it reads the same on its own. With {@code inline}, each event is checked as it is copied (the
     * share's header); without, the events are recorded into {@code events} to be checked later
     * elsewhere (a record), and only what no check may see, a DTD or an entity, is refused here.
     */
    void copyElement(XMLStreamReader reader, Map<String, String> inheritedNamespaces, Map<String, String> fields,
            DocumentCheck inline, RecordEvents.Builder events) throws XMLStreamException, SAXException {
        text.setLength(0);
        atRoot = true;
        inherited = inheritedNamespaces;
        int depth = 0;
        String current = null;
        int elements = 0;
        for (int event = reader.getEventType(); ; event = reader.next()) {
            if (inline != null) {
                inline.pass(event);
            } else if (event == XMLStreamConstants.DTD) {
                throw forbidden("a DTD (DOCTYPE declaration)", reader);
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.ENTITY_DECLARATION) {
                throw forbidden("an entity reference", reader);
            } else {
                events.add(reader, event);
            }
            copy(reader, event);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (++elements > SecureXml.MAX_ELEMENTS_PER_DOCUMENT) {
                    throw tooManyElements(inline != null ? inline.where() : at(reader));
                }
                current = reader.getLocalName();
            } else if (event == XMLStreamConstants.CHARACTERS) {
                if (fields != null && current != null) {
                    fields.merge(current, reader.getText(), String::concat);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                current = null;
                if (--depth == 0) {
                    if (fields != null) {
                        fields.replaceAll((k, v) -> v.trim());
                    }
                    return;
                }
            }
        }
    }

    static Rejection tooManyElements(String where) {
        return new Rejection(ReasonCodeType.XML_LIMIT_EXCEEDED, "more than " + SecureXml.MAX_ELEMENTS_PER_DOCUMENT
                + " elements in one message or record", where);
    }

    private static Rejection forbidden(String what, XMLStreamReader reader) {
        return new Rejection(ReasonCodeType.XML_FORBIDDEN_CONSTRUCT,
                "the XML contains " + what + "; the gateway never processes DTDs or entities", at(reader));
    }

    private static String at(XMLStreamReader reader) {
        return "line " + reader.getLocation().getLineNumber() + ", column " + reader.getLocation().getColumnNumber();
    }

    private void copy(XMLStreamReader reader, int event) {
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> start(reader);
            case XMLStreamConstants.END_ELEMENT -> text.append("</").append(qualified(reader.getPrefix(), reader.getLocalName())).append('>');
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.CDATA ->
                    escape(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength(), false);
            default -> {
                // comments and processing instructions are not carried on
            }
        }
    }

    String text() {
        return text.toString();
    }

    private void start(XMLStreamReader reader) {
        String prefix = reader.getPrefix();
        text.append('<').append(qualified(prefix, reader.getLocalName()));
        boolean root = atRoot;
        if (root) {
            declare(prefix, reader.getNamespaceURI());
            atRoot = false;
        }
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String declared = reader.getNamespacePrefix(i);
            boolean redundant = same(declared, prefix) && (root || ContractSchema.NAMESPACE.equals(reader.getNamespaceURI(i)));
            if (!redundant) {
                declare(declared, reader.getNamespaceURI(i));
            }
        }
        if (root) {
            inherited.forEach((declared, uri) -> {
                if (!same(declared, prefix) && !declaredHere(reader, declared)) {
                    declare(declared, uri);
                }
            });
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            text.append(' ').append(qualified(reader.getAttributePrefix(i), reader.getAttributeLocalName(i))).append("=\"");
            String value = reader.getAttributeValue(i);
            escape(value.toCharArray(), 0, value.length(), true);
            text.append('"');
        }
        text.append('>');
    }

    private void declare(String prefix, String uri) {
        text.append(prefix == null || prefix.isEmpty() ? " xmlns" : " xmlns:" + prefix).append("=\"");
        String value = uri == null ? "" : uri;
        escape(value.toCharArray(), 0, value.length(), true);
        text.append('"');
    }

    private void escape(char[] chars, int start, int length, boolean attribute) {
        for (int i = start; i < start + length; i++) {
            char c = chars[i];
            switch (c) {
                case '<' -> text.append("&lt;");
                case '&' -> text.append("&amp;");
                case '>' -> text.append("&gt;");
                case '"' -> text.append(attribute ? "&quot;" : "\"");
                case '\r' -> text.append("&#13;");
                case '\n', '\t' -> text.append(attribute ? (c == '\n' ? "&#10;" : "&#9;") : String.valueOf(c));
                default -> text.append(c);
            }
        }
    }

    private static boolean declaredHere(XMLStreamReader reader, String prefix) {
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            if (same(reader.getNamespacePrefix(i), prefix)) {
                return true;
            }
        }
        return false;
    }

    static String qualified(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static boolean same(String a, String b) {
        return (a == null || a.isEmpty()) ? (b == null || b.isEmpty()) : a.equals(b);
    }
}
