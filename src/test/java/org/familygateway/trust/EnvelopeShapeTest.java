package org.familygateway.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The envelope's shape, read from its bytes before CXF builds anything from them. */
class EnvelopeShapeTest {

    private static final String OPEN = "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/' xmlns:u='"
            + "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd'>";
    private static final EnvelopeShape SHAPE = new EnvelopeShape(1024 * 1024);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "header and body        | <s:Header><x/></s:Header><s:Body u:Id='b'><m/></s:Body>",
        "body only              | <s:Body><m/></s:Body>",
        "ids all different      | <s:Header><u:Timestamp u:Id='t'/></s:Header><s:Body u:Id='b'><m Id='c'/></s:Body>",
    })
    void a_plain_envelope_passes(String name, String inside) {
        assertThatCode(() -> SHAPE.check(bytes(OPEN + inside + "</s:Envelope>"))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a Body moved into the Header   | <s:Header><w><s:Body u:Id='b'><m/></s:Body></w></s:Header><s:Body><m/></s:Body>           | SIGNATURE_COVERAGE",
        "an element after the Body      | <s:Body><m/></s:Body><s:Body><m/></s:Body>                                                  | SIGNATURE_COVERAGE",
        "something else after the Body  | <s:Body><m/></s:Body><x/>                                                                   | SIGNATURE_COVERAGE",
        "a Header after the Body        | <s:Body><m/></s:Body><s:Header/>                                                            | SIGNATURE_COVERAGE",
        "two Headers                    | <s:Header/><s:Header/><s:Body><m/></s:Body>                                                  | SIGNATURE_COVERAGE",
        "a Body in another namespace    | <s:Body><Body xmlns='urn:x'/></s:Body>                                                      | SIGNATURE_COVERAGE",
        "two elements with one wsu:Id   | <s:Header><u:Timestamp u:Id='t'/></s:Header><s:Body u:Id='t'><m/></s:Body>                 | SIGNATURE_COVERAGE",
        "a plain Id copying a wsu:Id    | <s:Header/><s:Body u:Id='b'><m Id='b'/></s:Body>                                            | SIGNATURE_COVERAGE",
        "two Timestamps                 | <s:Header><u:Timestamp/><u:Timestamp/></s:Header><s:Body><m/></s:Body>                      | SIGNATURE_COVERAGE",
        "no Body                        | <s:Header/>                                                                                 | XML_MALFORMED",
        "not well-formed                | <s:Body><m></s:Body>                                                                        | XML_MALFORMED",
    })
    void a_misshapen_envelope_is_refused_with_its_reason(String name, String inside, ReasonCodeType expected) {
        Rejection rejection = catchThrowableOfType(Rejection.class, () -> SHAPE.check(bytes(OPEN + inside + "</s:Envelope>")));
        assertThat(rejection).as(name).isNotNull();
        assertThat(rejection.code()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a SOAP 1.2 envelope | <e:Envelope xmlns:e='http://www.w3.org/2003/05/soap-envelope'><e:Body/></e:Envelope> | XML_MALFORMED",
        "not an envelope     | <Referral xmlns='urn:familygateway:v1'/>                                          | XML_MALFORMED",
        "nested too deep     | DEEP                                                                               | XML_LIMIT_EXCEEDED",
    })
    void what_is_not_a_soap_11_envelope_is_refused(String name, String xml, ReasonCodeType expected) {
        String text = xml.equals("DEEP") ? OPEN + "<s:Body>" + "<d>".repeat(100) + "</d>".repeat(100) + "</s:Body></s:Envelope>" : xml;
        Rejection rejection = catchThrowableOfType(Rejection.class, () -> SHAPE.check(bytes(text)));
        assertThat(rejection).as(name).isNotNull();
        assertThat(rejection.code()).isEqualTo(expected);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
