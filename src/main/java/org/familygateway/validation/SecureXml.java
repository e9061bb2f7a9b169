package org.familygateway.validation;

import javax.xml.stream.XMLInputFactory;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;

/**
 * The one way the gateway parses XML it did not write: Woodstox with DTDs and external entities
 * off and every size limit set explicitly, rather than left to a library's default.
 */
public final class SecureXml {

    /** Limits for one message; generous for any real referral, tight for anything hostile. */
    public static final int MAX_DEPTH = 64;
    public static final int MAX_ATTRIBUTE_BYTES = 8 * 1024;
    public static final int MAX_ATTRIBUTES_PER_ELEMENT = 32;
    public static final int MAX_CHILDREN_PER_ELEMENT = 10_000;
    public static final long MAX_TEXT_LENGTH = 1024 * 1024;
    public static final long MAX_ELEMENTS = 1_000_000;

    private SecureXml() {
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
        factory.setProperty(WstxInputProperties.P_MAX_CHILDREN_PER_ELEMENT, MAX_CHILDREN_PER_ELEMENT);
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT_LENGTH);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, MAX_ELEMENTS);
        factory.setProperty(WstxInputProperties.P_MAX_CHARACTERS, maxCharacters);
        return factory;
    }
}
