package org.familygateway.testing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.familygateway.model.v1.AddressType;
import org.familygateway.model.v1.PersonType;
import org.familygateway.model.v1.ReferralType;

/**
 * Information shares for tests, written as partners write them: a header, then records. Each
 * record method gives one valid record; tests alter it to make it invalid.
 */
public final class Shares {

    private Shares() {
    }

    public static String share(String partnerId, String kind, String... records) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<InformationShare xmlns=\"urn:familygateway:v1\">\n"
                + header(partnerId, kind, null) + String.join("\n", records) + "\n</InformationShare>\n";
    }

    /** A share under the sender's message id given. */
    public static String shareWithId(String messageId, String partnerId, String kind, String... records) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<InformationShare xmlns=\"urn:familygateway:v1\">\n"
                + header(messageId, partnerId, kind, null) + String.join("\n", records) + "\n</InformationShare>\n";
    }

    public static String header(String partnerId, String kind, Long recordCount) {
        return header("share-" + UUID.randomUUID(), partnerId, kind, recordCount);
    }

    private static String header(String messageId, String partnerId, String kind, Long recordCount) {
        // ISO_INSTANT always writes the seconds; OffsetDateTime.toString() drops them on the minute,
        // which is not a valid xs:dateTime
        return "  <ShareHeader><MessageId>" + messageId + "</MessageId><CreatedAt>"
                + DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)) + "</CreatedAt>"
                + "<Sender><PartnerId>" + partnerId + "</PartnerId><Name>Example</Name><Kind>" + kind + "</Kind></Sender>"
                + (recordCount == null ? "" : "<Extract><Description>test extract</Description><Covers><From>2025-09-01</From></Covers>"
                + "<RecordCount>" + recordCount + "</RecordCount></Extract>")
                + "</ShareHeader>\n";
    }

    /** A pupil (UPN U926200119001) with 10 unauthorised absences out of 120 sessions in autumn 2025. */
    public static String attendance(String id) {
        return attendance(id, "U926200119001", 120, 4, 10);
    }

    public static String attendance(String id, String upn, int possible, int authorised, int unauthorised) {
        return "  <SchoolAttendance id=\"" + id + "\"><Subject><Name><Forename>Sam</Forename><Surname>Example</Surname></Name>"
                + "<DateOfBirth>2017-09-03</DateOfBirth><Identifiers><UPN>" + upn + "</UPN></Identifiers></Subject>"
                + "<SchoolUrn>123456</SchoolUrn><Registration>MAIN</Registration>"
                + "<Term><AcademicYear>2025/26</AcademicYear><Term>AUTUMN</Term></Term>"
                + "<Covers><From>2025-09-03</From><To>2025-12-19</To></Covers>"
                + "<SessionsPossible>" + possible + "</SessionsPossible><SessionsAuthorisedAbsence>" + authorised
                + "</SessionsAuthorisedAbsence><SessionsUnauthorisedAbsence>" + unauthorised + "</SessionsUnauthorisedAbsence>"
                + "</SchoolAttendance>";
    }

    /** A proven offence by Jordan Example, aged 15 on the offence date. */
    public static String offence(String id, LocalDate offenceDate) {
        return "  <ProvenOffence id=\"" + id + "\"><Subject><Name><Forename>Jordan</Forename><Surname>Example</Surname></Name>"
                + "<DateOfBirth>" + offenceDate.minusYears(15).minusDays(10) + "</DateOfBirth>"
                + "<Identifiers><LocalId system=\"police-niche\">N-7781</LocalId></Identifiers></Subject>"
                + "<OffenceDate>" + offenceDate + "</OffenceDate><DisposalDate>" + offenceDate.plusDays(20) + "</DisposalDate>"
                + "<Disposal>YOUTH_CAUTION</Disposal><AgeAtOffence>15</AgeAtOffence><OffenceCategory>THEFT</OffenceCategory>"
                + "<SexualOffence>false</SexualOffence></ProvenOffence>";
    }

    /**
     * An acceptable behaviour contract the police made with a member of a referral's household (as
     * named in it, at its address), running from two months before {@code today} to four after.
     */
    public static String behaviourContract(String id, ReferralType referral, int member, LocalDate today) {
        PersonType person = referral.getHousehold().getMember().get(member);
        AddressType address = referral.getHousehold().getAddress();
        return "  <AsbIntervention id=\"" + id + "\"><Subject><Name><Forename>" + person.getName().getForename() + "</Forename>"
                + "<Surname>" + person.getName().getSurname() + "</Surname></Name><DateOfBirth>" + person.getDateOfBirth() + "</DateOfBirth>"
                + "<Address><Line>" + address.getLine().get(0) + "</Line><Town>" + address.getTown() + "</Town><Postcode>"
                + address.getPostcode() + "</Postcode></Address></Subject>"
                + "<Kind>ACCEPTABLE_BEHAVIOUR_CONTRACT</Kind><HousingRelated>false</HousingRelated><IssuedBy>POLICE</IssuedBy>"
                + "<Period><From>" + today.minusMonths(2) + "</From><To>" + today.plusMonths(4) + "</To></Period></AsbIntervention>";
    }

    public static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
