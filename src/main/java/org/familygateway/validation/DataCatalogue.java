package org.familygateway.validation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.familygateway.model.v1.DataCategoryType;
import org.familygateway.model.v1.SensitivityType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What kind of data each message and record carries, as the schemas declare it (xs:appinfo fgm:data):
 * its data category, its sensitivity (special category under UK GDPR Art 9, or criminal offence data
 * under Art 10), and the fields that make a record more sensitive for some of their values. The
 * schemas are the one place this is written; agreements enforce it from here.
 */
public final class DataCatalogue {

    public static final String METADATA_NS = "urn:familygateway:metadata";
    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final List<String> FILES = List.of("referral.xsd", "information-share.xsd", "consent.xsd");

    /** A message or record's category and sensitivity. */
    public record DataClass(DataCategoryType category, SensitivityType sensitivity) {
    }

    /** A field that raises its record's sensitivity when it holds one of the listed values. */
    public record SensitiveField(String field, SensitivityType sensitivity, Set<String> when) {
    }

    private final Map<String, DataClass> byElement = new HashMap<>();
    private final Map<String, List<SensitiveField>> fieldsByElement = new HashMap<>();

    private DataCatalogue() {
    }

    public static DataCatalogue load() {
        DataCatalogue catalogue = new DataCatalogue();
        Map<String, String> typeOfElement = new HashMap<>();
        Map<String, List<SensitiveField>> fieldsOfType = new HashMap<>();
        for (String file : FILES) {
            Document schema = parse(ContractSchema.LOCATION + file);
            NodeList elements = schema.getElementsByTagNameNS(XS, "element");
            for (int i = 0; i < elements.getLength(); i++) {
                Element element = (Element) elements.item(i);
                data(element).ifPresent(data -> catalogue.declare(element, data, typeOfElement, fieldsOfType));
            }
        }
        typeOfElement.forEach((element, type) -> catalogue.fieldsByElement.put(element, fieldsOfType.getOrDefault(type, List.of())));
        return catalogue;
    }

    public Optional<DataClass> of(String element) {
        return Optional.ofNullable(byElement.get(element));
    }

    public List<SensitiveField> sensitiveFieldsOf(String element) {
        return fieldsByElement.getOrDefault(element, List.of());
    }

    public Set<String> elements() {
        return Set.copyOf(byElement.keySet());
    }

    private void declare(Element element, Element data, Map<String, String> typeOfElement, Map<String, List<SensitiveField>> fieldsOfType) {
        String name = element.getAttribute("name");
        SensitivityType sensitivity = SensitivityType.fromValue(data.getAttribute("sensitivity"));
        boolean global = XS.equals(element.getParentNode().getNamespaceURI()) && "schema".equals(element.getParentNode().getLocalName());
        if (global) {
            byElement.put(name, new DataClass(DataCategoryType.fromValue(data.getAttribute("category")), sensitivity));
            typeOfElement.put(name, element.getAttribute("type").replaceFirst("^fg:", ""));
        } else {
            Set<String> when = Set.copyOf(Arrays.asList(data.getAttribute("when").trim().split("\\s+")));
            fieldsOfType.computeIfAbsent(enclosingType(element), t -> new java.util.ArrayList<>()).add(new SensitiveField(name, sensitivity, when));
        }
    }

    private static String enclosingType(Element element) {
        for (org.w3c.dom.Node n = element.getParentNode(); n != null; n = n.getParentNode()) {
            if (n instanceof Element e && "complexType".equals(e.getLocalName()) && e.hasAttribute("name")) {
                return e.getAttribute("name");
            }
        }
        throw new IllegalStateException("a marked field outside a named type: " + element.getAttribute("name"));
    }

    private static Optional<Element> data(Element element) {
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element annotation && "annotation".equals(annotation.getLocalName())) {
                NodeList found = annotation.getElementsByTagNameNS(METADATA_NS, "data");
                if (found.getLength() > 0) {
                    return Optional.of((Element) found.item(0));
                }
            }
        }
        return Optional.empty();
    }

    private static Document parse(String resource) {
        try (InputStream in = ContractSchema.resource(resource).openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(in);
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
