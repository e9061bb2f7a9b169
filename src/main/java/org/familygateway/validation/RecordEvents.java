package org.familygateway.validation;

import java.util.Arrays;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * The events of one record as the reader met them, kept so that the record's checks can run on
 * another thread without reading its copy again: elements with their namespaces, declarations and
 * attributes, text, and where in the file each event was. Immutable once built; made by a Builder
 * that the reading thread reuses from record to record.
 *
 * <p>The copy that goes on is written from the same events, so the checks see exactly what is
 * forwarded. Attributes are all of type CDATA: a share carries no DTD (one is refused) and so no
 * declared attribute types.
 */
final class RecordEvents {

    static final byte START = 1;
    static final byte END = 2;
    static final byte TEXT = 3;

    private final byte[] kinds;
    private final int[] lines;
    private final int[] columns;
    /** START: where its names begin in {@code strings}; END: the index of its START; TEXT: where it begins in {@code text}. */
    private final int[] refs;
    /** START: how many namespaces it declares; TEXT: its length. */
    private final int[] counts;
    /** START: how many attributes it has. */
    private final int[] attributeCounts;
    /**
     * Per START, from its ref: namespace URI, local name, qualified name; then a prefix and URI per
     * declaration; then namespace URI, local name, qualified name and value per attribute.
     */
    private final String[] strings;
    private final char[] text;

    private RecordEvents(Builder b) {
        kinds = Arrays.copyOf(b.kinds, b.size);
        lines = Arrays.copyOf(b.lines, b.size);
        columns = Arrays.copyOf(b.columns, b.size);
        refs = Arrays.copyOf(b.refs, b.size);
        counts = Arrays.copyOf(b.counts, b.size);
        attributeCounts = Arrays.copyOf(b.attributeCounts, b.size);
        strings = Arrays.copyOf(b.strings, b.stringCount);
        text = Arrays.copyOf(b.text, b.textLength);
    }

    int size() {
        return kinds.length;
    }

    byte kind(int event) {
        return kinds[event];
    }

    int line(int event) {
        return lines[event];
    }

    int column(int event) {
        return columns[event];
    }

    /** The START an event belongs to: itself, or the START an END closes. */
    private int start(int event) {
        return kinds[event] == END ? refs[event] : event;
    }

    String namespaceUri(int event) {
        return strings[refs[start(event)]];
    }

    String localName(int event) {
        return strings[refs[start(event)] + 1];
    }

    String qualifiedName(int event) {
        return strings[refs[start(event)] + 2];
    }

    int namespaceCount(int event) {
        return counts[start(event)];
    }

    String namespacePrefix(int event, int i) {
        return strings[refs[start(event)] + 3 + 2 * i];
    }

    String namespaceDeclared(int event, int i) {
        return strings[refs[start(event)] + 4 + 2 * i];
    }

    int attributeCount(int event) {
        return attributeCounts[event];
    }

    private int attribute(int event, int i) {
        return refs[event] + 3 + 2 * counts[event] + 4 * i;
    }

    String attributeNamespace(int event, int i) {
        return strings[attribute(event, i)];
    }

    String attributeLocalName(int event, int i) {
        return strings[attribute(event, i) + 1];
    }

    String attributeQualifiedName(int event, int i) {
        return strings[attribute(event, i) + 2];
    }

    String attributeValue(int event, int i) {
        return strings[attribute(event, i) + 3];
    }

    char[] text() {
        return text;
    }

    int textStart(int event) {
        return refs[event];
    }

    int textLength(int event) {
        return counts[event];
    }

    /** Records events as they are read; reused for record after record by the reading thread. */
    static final class Builder {

        private byte[] kinds = new byte[256];
        private int[] lines = new int[256];
        private int[] columns = new int[256];
        private int[] refs = new int[256];
        private int[] counts = new int[256];
        private int[] attributeCounts = new int[256];
        private int size;
        private String[] strings = new String[512];
        private int stringCount;
        private char[] text = new char[4096];
        private int textLength;
        private int[] open = new int[64];
        private int depth;

        void clear() {
            size = 0;
            stringCount = 0;
            textLength = 0;
            depth = 0;
        }

        /** Records the reader's current event if it is one the checks read (elements and text). */
        void add(XMLStreamReader reader, int event) {
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> start(reader);
                case XMLStreamConstants.END_ELEMENT -> event(END, reader.getLocation(), open[--depth], 0, 0);
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.CDATA -> text(reader);
                default -> {
                    // comments and processing instructions carry nothing to check
                }
            }
        }

        RecordEvents build() {
            return new RecordEvents(this);
        }

        private void start(XMLStreamReader reader) {
            int namespaces = reader.getNamespaceCount();
            int attributes = reader.getAttributeCount();
            int ref = stringCount;
            String prefix = reader.getPrefix();
            string(DocumentCheck.emptyIfNull(reader.getNamespaceURI()));
            string(reader.getLocalName());
            string(RecordCopier.qualified(prefix, reader.getLocalName()));
            for (int i = 0; i < namespaces; i++) {
                string(DocumentCheck.emptyIfNull(reader.getNamespacePrefix(i)));
                string(DocumentCheck.emptyIfNull(reader.getNamespaceURI(i)));
            }
            for (int i = 0; i < attributes; i++) {
                string(DocumentCheck.emptyIfNull(reader.getAttributeNamespace(i)));
                string(reader.getAttributeLocalName(i));
                string(RecordCopier.qualified(reader.getAttributePrefix(i), reader.getAttributeLocalName(i)));
                string(reader.getAttributeValue(i));
            }
            if (depth == open.length) {
                open = Arrays.copyOf(open, depth * 2);
            }
            open[depth++] = size;
            event(START, reader.getLocation(), ref, namespaces, attributes);
        }

        private void text(XMLStreamReader reader) {
            int length = reader.getTextLength();
            if (textLength + length > text.length) {
                text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + length));
            }
            System.arraycopy(reader.getTextCharacters(), reader.getTextStart(), text, textLength, length);
            event(TEXT, reader.getLocation(), textLength, length, 0);
            textLength += length;
        }

        private void event(byte kind, Location at, int ref, int count, int attributes) {
            if (size == kinds.length) {
                int grown = size * 2;
                kinds = Arrays.copyOf(kinds, grown);
                lines = Arrays.copyOf(lines, grown);
                columns = Arrays.copyOf(columns, grown);
                refs = Arrays.copyOf(refs, grown);
                counts = Arrays.copyOf(counts, grown);
                attributeCounts = Arrays.copyOf(attributeCounts, grown);
            }
            kinds[size] = kind;
            lines[size] = at.getLineNumber();
            columns[size] = at.getColumnNumber();
            refs[size] = ref;
            counts[size] = count;
            attributeCounts[size] = attributes;
            size++;
        }

        private void string(String s) {
            if (stringCount == strings.length) {
                strings = Arrays.copyOf(strings, stringCount * 2);
            }
            strings[stringCount++] = s;
        }
    }
}
