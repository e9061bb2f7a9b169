package org.familygateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.familygateway.model.v1.ReferralType;
import org.familygateway.validation.MessageXml;

/** The checked-in sample messages, with a fresh message id each time they are used. */
public final class Examples {

    private static final MessageXml XML = new MessageXml(10 * 1024 * 1024);

    private Examples() {
    }

    public static ReferralType referral() {
        try {
            ReferralType referral = XML.read(Files.readAllBytes(Project.examples().resolve("referral-from-school.xml")), ReferralType.class);
            referral.setMessageId("test-" + UUID.randomUUID());
            referral.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
            return referral;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] xml(ReferralType referral) {
        return XML.write(MessageXml.ELEMENTS.createReferral(referral));
    }

    /**
     * A referral as it sits in a household's case, with the member refs it was sent with: a case
     * renames each referral's refs ("r1-p1") so that several referrals and the case's own members
     * never clash.
     */
    public static ReferralType asSent(org.familygateway.model.v1.CaseType held, String messageId) {
        ReferralType referral = held.getReferral().stream().filter(r -> r.getMessageId().equals(messageId)).findFirst()
                .orElseThrow(() -> new AssertionError("the case holds no referral " + messageId));
        referral.getHousehold().getMember().forEach(m -> m.setRef(m.getRef().replaceFirst("^r[0-9]+-", "")));
        return referral;
    }

    public static String text(ReferralType referral) {
        return new String(xml(referral), StandardCharsets.UTF_8);
    }
}
