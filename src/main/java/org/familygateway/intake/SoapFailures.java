package org.familygateway.intake;

import javax.xml.stream.XMLStreamException;

import org.apache.cxf.interceptor.Fault;
import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.validation.SecureXml;
import org.xml.sax.SAXParseException;

/**
 * What CXF's own failures mean for the sender: XML it could not parse, or a body that is no operation
 * of the service. Everything else is decided by Rejections.
 */
final class SoapFailures {

    private SoapFailures() {
    }

    static Rejection reasonFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Rejection rejection) {
                return rejection;
            }
            if (t instanceof XMLStreamException || t instanceof SAXParseException) {
                Throwable limit = limitExceeded(t);
                return limit != null ? new Rejection(ReasonCodeType.XML_LIMIT_EXCEEDED, "the SOAP message exceeds an XML limit: "
                        + limit.getMessage().replaceFirst("(?s)\\s*at \\[row,col.*$", ""), null, t)
                        : new Rejection(ReasonCodeType.XML_MALFORMED, "the SOAP message is not well-formed XML", null, t);
            }
            if (t instanceof Fault fault && fault.getMessage() != null && fault.getMessage().startsWith("Unexpected element {")) {
                // DocLiteralInInterceptor: "Unexpected element {ns}Name found.   Expected {ns}Referral." (names, no content)
                return new Rejection(ReasonCodeType.SCHEMA_INVALID, "the SOAP Body holds the wrong message for this operation: "
                        + fault.getMessage().replaceAll("\\s+", " ").trim(), null, t);
            }
            if (t instanceof Fault fault && fault.getMessage() != null && fault.getMessage().contains("was not recognized")) {
                return new Rejection(ReasonCodeType.SCHEMA_INVALID, "the SOAP Body does not hold a Referral, InformationShare or "
                        + "ConsentUpdate, the messages this service takes", null, t);
            }
        }
        return Rejections.from(failure);
    }

    /** The failure in the chain that names a parser limit, if one does. */
    private static Throwable limitExceeded(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (SecureXml.namesALimit(t.getMessage())) {
                return t;
            }
        }
        return null;
    }
}
