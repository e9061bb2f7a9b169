package org.familygateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.testing.Examples;
import org.junit.jupiter.api.Test;

class MessageValidatorTest {

    private final MessageValidator validator = MessageValidator.forSubmissions(1024 * 1024);

    @Test
    void a_valid_referral_passes_and_its_sender_message_id_is_read() {
        var referral = Examples.referral();
        ValidatedMessage validated = validator.validate(Examples.xml(referral));
        assertThat(validated.type()).isEqualTo("Referral");
        assertThat(validated.senderMessageId()).isEqualTo(referral.getMessageId());
    }

    @Test
    void a_dtd_is_refused_before_anything_in_it_is_read() {
        Rejection rejection = reject("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Referral xmlns=\"urn:familygateway:v1\">&x;</Referral>");
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.XML_FORBIDDEN_CONSTRUCT);
    }

    @Test
    void an_entity_expansion_bomb_is_refused_as_a_dtd() {
        Rejection rejection = reject("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<Referral xmlns=\"urn:familygateway:v1\">&lol3;</Referral>");
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.XML_FORBIDDEN_CONSTRUCT);
    }

    @Test
    void an_entity_reference_without_a_dtd_is_refused_too() {
        Rejection rejection = reject("<Referral xmlns=\"urn:familygateway:v1\">&x;</Referral>");
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.XML_FORBIDDEN_CONSTRUCT);
    }

    @Test
    void schema_errors_name_the_element_path_and_withhold_the_value() {
        String xml = Examples.text(Examples.referral()).replace("AB123456C", "QQ12");
        Rejection rejection = reject(xml);
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.SCHEMA_INVALID);
        assertThat(rejection.location()).hasValueSatisfying(l -> assertThat(l).startsWith("/Referral/Household/Member/Identifiers/NINumber"));
        assertThat(rejection.problems()).allSatisfy(p -> assertThat(p.getMessage()).doesNotContain("QQ12"));
    }

    @Test
    void every_schema_error_is_reported_not_only_the_first() {
        String xml = Examples.text(Examples.referral()).replace("<Gender>MALE</Gender>", "<Gender>BOY</Gender>")
                .replace("<Postcode>NR1 2AB</Postcode>", "<Postcode>nowhere</Postcode>");
        Rejection rejection = reject(xml);
        assertThat(rejection.problems()).extracting(p -> p.location().orElse(""))
                .anyMatch(l -> l.startsWith("/Referral/Household/Address/Postcode"))
                .anyMatch(l -> l.startsWith("/Referral/Household/Member[2]/Gender"));
    }

    @Test
    void a_message_that_is_not_a_submission_is_refused_even_if_it_is_valid_v1() {
        Rejection rejection = reject("<Receipt xmlns=\"urn:familygateway:v1\"/>");
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.SCHEMA_INVALID);
        assertThat(rejection.getMessage()).contains("Referral");
    }

    @Test
    void an_unknown_namespace_is_refused() {
        Rejection rejection = reject("<Referral xmlns=\"urn:somebody-else\"/>");
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.SCHEMA_INVALID);
    }

    @Test
    void truncated_xml_is_malformed_with_its_line() {
        String xml = Examples.text(Examples.referral());
        Rejection rejection = reject(xml.substring(0, xml.length() / 2));
        assertThat(rejection.code()).isEqualTo(ReasonCodeType.XML_MALFORMED);
        assertThat(rejection.location()).hasValueSatisfying(l -> assertThat(l).startsWith("line "));
    }

    @Test
    void nesting_deeper_than_the_limit_is_refused() {
        String xml = "<Referral xmlns=\"urn:familygateway:v1\">" + "<a>".repeat(SecureXml.MAX_DEPTH + 5)
                + "</a>".repeat(SecureXml.MAX_DEPTH + 5) + "</Referral>";
        assertThat(reject(xml).code()).isEqualTo(ReasonCodeType.XML_MALFORMED);
    }

    private Rejection reject(String xml) {
        return catchThrowableOfType(Rejection.class, () -> validator.validate(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
