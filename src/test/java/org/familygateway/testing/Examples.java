package org.familygateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.familygateway.model.v1.AgencyKindType;
import org.familygateway.model.v1.ReferralType;
import org.familygateway.validation.MessageXml;

/** The checked-in sample messages, with a fresh message id each time they are used. */
public final class Examples {

    private static final MessageXml XML = new MessageXml(10 * 1024 * 1024);
    /** Families made so far, each with its own surname, address and postcode. */
    private static final AtomicInteger FAMILIES = new AtomicInteger();
    /** Royal Mail's letters for the inward code's last two characters (no C, I, K, M, O, V). */
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

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

    /**
     * The sample referral about a family of its own: the gateway keeps one case per household, so the
     * load is many households, as a county's is, not hundreds of referrals about one. Each family has
     * its own surname, address and postcode, and birth dates moved by up to two years either way (the
     * sample's adult stays an adult, its child a child), so that the matcher's blocks hold a county's
     * handful of people each: with every family born on the same two days at the same postcode, each
     * record was scored against thousands of candidates and the household step fell far behind.
     */
    public static ReferralType referralAboutAFamilyOfItsOwn() {
        return referralAboutFamily(FAMILIES.incrementAndGet());
    }

    /**
     * The sample referral about family number n (a fresh message id each call): the same n always
     * gives the same people at the same address, so that a test can send other agencies' evidence
     * about a family it referred, or will refer.
     */
    public static ReferralType referralAboutFamily(int n) {
        ReferralType referral = referral();
        StringBuilder surname = new StringBuilder("Family");
        for (int rest = n; rest > 0; rest /= 26) {
            surname.append((char) ('a' + rest % 26));
        }
        Random family = new Random(n);
        referral.getHousehold().getAddress().getLine().set(0, n + " Example Street");
        referral.getHousehold().getAddress().setPostcode(postcode(n));
        referral.getHousehold().getAddress().setUPRN(null);
        referral.getHousehold().getMember().forEach(member -> {
            member.setIdentifiers(null);
            member.getName().setSurname(surname.toString());
            member.setDateOfBirth(member.getDateOfBirth().plusDays(family.nextInt(1461) - 730));
        });
        return referral;
    }

    /** A referral about a family of its own from another referring partner than the sample's school. */
    public static ReferralType referralAboutAFamilyOfItsOwn(String partnerId, String agencyName, AgencyKindType kind) {
        return referralAboutFamily(FAMILIES.incrementAndGet(), partnerId, agencyName, kind);
    }

    /** The referral about family number n from another referring partner than the sample's school. */
    public static ReferralType referralAboutFamily(int n, String partnerId, String agencyName, AgencyKindType kind) {
        ReferralType referral = referralAboutFamily(n);
        referral.getReferrer().getAgency().setPartnerId(partnerId);
        referral.getReferrer().getAgency().setName(agencyName);
        referral.getReferrer().getAgency().setKind(kind);
        return referral;
    }

    /** A postcode of the family's own ("NR1 0AA", "NR1 0AB", ...): 140,000 of them before any repeats. */
    private static String postcode(int n) {
        int letters = INWARD_LETTERS.length();
        int unit = n % (letters * letters);
        int sector = n / (letters * letters) % 10;
        int district = 1 + n / (letters * letters * 10) % 35;
        return "NR" + district + " " + sector + INWARD_LETTERS.charAt(unit / letters) + INWARD_LETTERS.charAt(unit % letters);
    }

    /**
     * The sample withdrawal of consent (consent-withdrawn.xml) under a new message id, by the adult of
     * the household a referral named, at its address, today: the referrer telling the gateway that
     * the family no longer consents to the referral it sent.
     */
    public static String consentWithdrawal(String messageId, ReferralType about, String referralMessageId) {
        return consentUpdate("consent-withdrawn.xml", messageId, about, referralMessageId)
                .replaceFirst("<WithdrawnOn>[^<]*</WithdrawnOn>", "<WithdrawnOn>" + LocalDate.now(ZoneOffset.UTC) + "</WithdrawnOn>");
    }

    /**
     * The sample consent update (consent-given.xml) as consent GIVEN, under a new message id, by the
     * adult of the household a referral named, at its address, today, for a year: the referrer telling
     * the gateway that the family consents again after a withdrawal.
     */
    public static String consentGiven(String messageId, ReferralType about, String referralMessageId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return consentUpdate("consent-given.xml", messageId, about, referralMessageId)
                .replaceFirst("<Change>[^<]*</Change>", "<Change>GIVEN</Change>")
                .replaceFirst("<Identifiers>.*?</Identifiers>", "")
                .replaceFirst("<GivenOn>[^<]*</GivenOn>", "<GivenOn>" + today + "</GivenOn>")
                .replaceFirst("<ExpiresOn>[^<]*</ExpiresOn>", "<ExpiresOn>" + today.plusYears(1) + "</ExpiresOn>");
    }

    /** A sample consent update made about the adult a referral named, at its address, sent now, relating to that referral. */
    private static String consentUpdate(String sample, String messageId, ReferralType about, String referralMessageId) {
        try {
            var adult = about.getHousehold().getMember().get(0);
            var address = about.getHousehold().getAddress();
            String update = Files.readString(Project.examples().resolve(sample))
                    .replaceFirst("<MessageId>[^<]*</MessageId>", "<MessageId>" + messageId + "</MessageId>")
                    .replaceFirst("<CreatedAt>[^<]*</CreatedAt>", "<CreatedAt>"
                            + OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                            + "</CreatedAt>")
                    .replaceFirst("<ReferralMessageId>[^<]*</ReferralMessageId>", "<ReferralMessageId>" + referralMessageId
                            + "</ReferralMessageId>")
                    .replaceFirst("<Line>[^<]*</Line>", "<Line>" + address.getLine().get(0) + "</Line>")
                    .replaceFirst("<Postcode>[^<]*</Postcode>", "<Postcode>" + address.getPostcode() + "</Postcode>")
                    .replaceFirst("<UPRN>[^<]*</UPRN>", "")
                    .replaceFirst("<Forename>[^<]*</Forename>", "<Forename>" + adult.getName().getForename() + "</Forename>")
                    .replaceFirst("<Surname>[^<]*</Surname>", "<Surname>" + adult.getName().getSurname() + "</Surname>")
                    .replaceFirst("<DateOfBirth>[^<]*</DateOfBirth>", "<DateOfBirth>" + adult.getDateOfBirth() + "</DateOfBirth>");
            if (update.contains("UPRN") || !update.contains(messageId)) {
                throw new IllegalStateException(sample + " is not as this expects: " + update);
            }
            return update;
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
