package org.familygateway.validation;

import javax.xml.stream.XMLInputFactory;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;

/**
 * The one way the gateway parses XML it did not write: Woodstox with DTDs and external entities
 * off and every size limit set explicitly, rather than left to a library's default.
 */
public final class SecureXml {

    /** Limits generous for any real message, tight for anything hostile. */
    public static final int MAX_DEPTH = 64;
    public static final int MAX_ATTRIBUTE_BYTES = 8 * 1024;
    public static final int MAX_ATTRIBUTES_PER_ELEMENT = 32;
    public static final long MAX_TEXT_LENGTH = 1024 * 1024;
    /**
     * Elements in one referral or consent update, or in one record of a share. A bulk share has
     * millions of elements in all (its size is capped instead), so the reader counts per record.
     */
    public static final int MAX_ELEMENTS_PER_DOCUMENT = 20_000;
    /** For CXF's parser: a SOAP message is a single document, whatever it carries. */
    public static final int SOAP_MAX_CHILDREN_PER_ELEMENT = 50_000;
    public static final long SOAP_MAX_ELEMENTS = 1_000_000;

    private SecureXml() {
    }

    /**
     * Whether a parser's message is about one of these limits rather than broken XML. Woodstox and
     * CXF name the limit they enforce: "Maximum Element Depth limit (64) Exceeded", "Attribute limit
     * (32) exceeded", "Text size limit (1048576) exceeded".
     */
    public static boolean namesALimit(String message) {
        return message != null && message.matches("(?is).*\\blimit\\b.*\\bexceeded\\b.*");
    }

    /** A new factory (factories are thread-safe once configured; callers keep theirs). */
    public static XMLInputFactory inputFactory(long maxCharacters) {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, MAX_ATTRIBUTE_BYTES);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, MAX_ATTRIBUTES_PER_ELEMENT);
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT_LENGTH);
        // counted per document and per record by the reader (MAX_ELEMENTS_PER_DOCUMENT), not per file
        factory.setProperty(WstxInputProperties.P_MAX_CHILDREN_PER_ELEMENT, Integer.MAX_VALUE);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, Long.MAX_VALUE);
        factory.setProperty(WstxInputProperties.P_MAX_CHARACTERS, maxCharacters);
        return factory;
    }
}
