package org.familygateway.validation;

import java.util.regex.Pattern;

/**
 * Schema validators quote the offending value in their messages ("Value 'QQ12' is not
 * facet-valid..."). The gateway's messages go to the audit log and operators' logs, which never
 * carry personal data, so the quoted values are withheld; the element path says where to look.
 */
final class XsdMessages {

    private static final Pattern QUOTED_VALUE = Pattern.compile("((?:[Vv]alue|^cvc-[\\w.-]+:) ?)'[^']*'");

    private XsdMessages() {
    }

    static String withoutValues(String message) {
        return QUOTED_VALUE.matcher(message == null ? "" : message).replaceAll("$1'(value withheld)'");
    }
}
