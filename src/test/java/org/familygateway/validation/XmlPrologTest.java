package org.familygateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class XmlPrologTest {

    @Test
    void finds_a_doctype_after_the_declaration_and_comments() {
        assertThat(XmlProlog.declaresDoctype("<?xml version=\"1.0\"?>\n<!-- hi --><!DOCTYPE x []><x/>".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void finds_a_doctype_in_utf16() {
        assertThat(XmlProlog.declaresDoctype("\uFEFF<!DOCTYPE x []><x/>".getBytes(StandardCharsets.UTF_16BE))).isTrue();
        assertThat(XmlProlog.declaresDoctype("<!DOCTYPE x []><x/>".getBytes(StandardCharsets.UTF_16LE))).isTrue();
    }

    @Test
    void does_not_look_inside_the_document() {
        assertThat(XmlProlog.declaresDoctype("<x><![CDATA[<!DOCTYPE x>]]></x>".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(XmlProlog.declaresDoctype("<x>&lt;!DOCTYPE</x>".getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
