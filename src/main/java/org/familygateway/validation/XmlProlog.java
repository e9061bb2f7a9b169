package org.familygateway.validation;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Looks at what comes before the root element of an XML document, without parsing it, to tell a
 * DTD apart from other malformed input. The parser refuses DTDs anyway; this gives the sender the
 * precise reason.
 */
public final class XmlProlog {

    private static final int PROLOG_LIMIT = 8192;

    private XmlProlog() {
    }

    public static boolean declaresDoctype(byte[] xml) {
        String prolog = decode(xml);
        int i = 0;
        while ((i = prolog.indexOf('<', i)) >= 0 && i + 1 < prolog.length()) {
            char next = prolog.charAt(i + 1);
            if (prolog.startsWith("<!DOCTYPE", i) || prolog.startsWith("<!ENTITY", i)) {
                return true;
            }
            if (next != '?' && next != '!') {
                return false;
            }
            i++;
        }
        return false;
    }

    private static String decode(byte[] xml) {
        int length = Math.min(xml.length, PROLOG_LIMIT);
        Charset charset = StandardCharsets.UTF_8;
        if (length >= 2 && ((xml[0] == (byte) 0xFE && xml[1] == (byte) 0xFF) || (xml[0] == 0 && xml[1] == '<'))) {
            charset = StandardCharsets.UTF_16BE;
        } else if (length >= 2 && ((xml[0] == (byte) 0xFF && xml[1] == (byte) 0xFE) || (xml[0] == '<' && xml[1] == 0))) {
            charset = StandardCharsets.UTF_16LE;
        }
        return new String(xml, 0, length, charset);
    }
}
