package org.familygateway.validation;

import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.xml.sax.SAXException;

/** The v1 contract, compiled once: the schemas in schemas/v1, as shipped in the jar. */
public final class ContractSchema {

    public static final String NAMESPACE = "urn:familygateway:v1";
    static final String LOCATION = "schemas/v1/";
    private static final String ROOT = LOCATION + "family-gateway.xsd";
    private static volatile Schema compiled;

    private ContractSchema() {
    }

    /** The compiled schema (thread-safe; validators made from it are not). */
    public static Schema schema() {
        Schema schema = compiled;
        if (schema == null) {
            synchronized (ContractSchema.class) {
                if (compiled == null) {
                    compiled = load();
                }
                schema = compiled;
            }
        }
        return schema;
    }

    static URL resource(String name) {
        URL url = ContractSchema.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is not on the classpath");
        }
        return url;
    }

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            return factory.newSchema(resource(ROOT));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load " + ROOT + ": " + e.getMessage(), e);
        }
    }
}
