package org.familygateway.cases;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.familygateway.model.Headers;
import org.familygateway.model.v1.CaseSourceType;
import org.familygateway.model.v1.CaseStatusType;
import org.familygateway.model.v1.CaseType;
import org.familygateway.model.v1.ChannelType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.validation.MessageXml;

/**
 * Builds the case the family team receives from an accepted referral: the referral as sent, and
 * where it came from. One referral makes one new case for now; linking messages into one case per
 * household comes with matching and eligibility.
 */
public final class CaseAssembler {

    private final MessageXml xml;
    private final Clock clock;

    public CaseAssembler(MessageXml xml, Clock clock) {
        this.xml = xml;
        this.clock = clock;
    }

    /** The same delivery always names the same case, so a redelivered message cannot make a second one. */
    public String caseIdFor(String receiptId) {
        return "case-" + UUID.nameUUIDFromBytes(("case:" + receiptId).getBytes(StandardCharsets.UTF_8));
    }

    public byte[] assemble(byte[] referralXml, Map<String, Object> headers) {
        ReferralType referral = xml.read(referralXml, ReferralType.class);
        CaseType result = new CaseType();
        result.setCaseId(header(headers, Headers.CASE_ID));
        result.setVersion(BigInteger.ONE);
        result.setStatus(CaseStatusType.NEW);
        result.setIssuedAt(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        result.getSource().add(source(headers));
        result.getReferral().add(referral);
        return xml.write(MessageXml.ELEMENTS.createCase(result));
    }

    private static CaseSourceType source(Map<String, Object> headers) {
        CaseSourceType source = new CaseSourceType();
        source.setPartnerId(header(headers, Headers.PARTNER_ID));
        source.setChannel(ChannelType.fromValue(header(headers, Headers.CHANNEL)));
        source.setMessageId(header(headers, Headers.SENDER_MESSAGE_ID));
        source.setReceiptId(header(headers, Headers.RECEIPT_ID));
        source.setReceivedAt(OffsetDateTime.parse(header(headers, Headers.RECEIVED_AT)));
        return source;
    }

    private static String header(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the message has no " + name + " header");
        }
        return value.toString();
    }
}
