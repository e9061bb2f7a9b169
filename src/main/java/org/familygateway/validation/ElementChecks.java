package org.familygateway.validation;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;

/**
 * Checks across the fields of one element, by its schema type: periods that end before they start,
 * subjects nobody could identify, sessions that do not add up, ages that do not fit, and a message
 * that names a different sender from the partner that delivered it. The values are the element's
 * descendants, keyed by their path below it (e.g. "Subject/DateOfBirth").
 */
final class ElementChecks {

    private static final Set<String> CHECKED = Set.of("PeriodType", "SubjectType", "SchoolAttendanceType", "ProvenOffenceType",
            "PersonType", "CaseMemberType", "AgencyType", "CustodyType", "ConsentType");

    private ElementChecks() {
    }

    static boolean checks(String schemaType) {
        return CHECKED.contains(schemaType);
    }

    /**
     * @param role the element's own name and its parent's, e.g. "Referrer/Agency"
     * @param location where the element is, worked out only if a rule is broken
     */
    static void check(String schemaType, String role, Map<String, String> values, Supplier<Where> location, CheckContext context,
                      List<Rejection> problems) {
        switch (schemaType) {
            case "PeriodType" -> ordered(values, "From", "To", location, problems);
            case "CustodyType" -> ordered(values, "ReceptionDate", "Released", location, problems);
            case "ConsentType" -> ordered(values, "GivenOn", "ExpiresOn", location, problems);
            case "SubjectType" -> identifiable(values, location, problems);
            case "SchoolAttendanceType" -> sessionsAddUp(values, location, problems);
            case "ProvenOffenceType" -> offenceFitsTheSubject(values, location, problems);
            case "PersonType", "CaseMemberType" -> childIsUnder18(values, location, context, problems);
            case "AgencyType" -> senderIsTheDeliverer(role, values, location, context, problems);
            default -> {
                // no cross-field rule for this type
            }
        }
    }

    private static void ordered(Map<String, String> values, String first, String second, Supplier<Where> location, List<Rejection> problems) {
        LocalDate start = ValueChecks.date(values.get(first));
        LocalDate end = ValueChecks.date(values.get(second));
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(new Rejection(ReasonCodeType.INVALID_PERIOD, second + " is earlier than " + first, location.get().at(second)));
        }
    }

    private static void identifiable(Map<String, String> values, Supplier<Where> location, List<Rejection> problems) {
        boolean identifier = values.keySet().stream().anyMatch(k -> k.startsWith("Identifiers/"));
        boolean nameAndBirth = values.containsKey("Name/Surname") && values.containsKey("DateOfBirth");
        if (!identifier && !nameAndBirth) {
            problems.add(new Rejection(ReasonCodeType.SUBJECT_NOT_IDENTIFIABLE,
                    "the subject needs an identifier (UPN, NI number, NHS number or local id) or a name with a date of birth",
                    location.get().toString()));
        }
    }

    private static void sessionsAddUp(Map<String, String> values, Supplier<Where> location, List<Rejection> problems) {
        long possible = number(values.get("SessionsPossible"));
        long authorised = number(values.get("SessionsAuthorisedAbsence"));
        long unauthorised = number(values.get("SessionsUnauthorisedAbsence"));
        if (authorised + unauthorised > possible) {
            problems.add(new Rejection(ReasonCodeType.INCONSISTENT_SESSIONS,
                    "authorised plus unauthorised absence (" + (authorised + unauthorised) + ") is more than the sessions possible ("
                            + possible + ")", location.get().at("SessionsPossible")));
        } else if (values.containsKey("SessionsPresent")) {
            long present = number(values.get("SessionsPresent"));
            if (present + authorised + unauthorised != possible) {
                problems.add(new Rejection(ReasonCodeType.INCONSISTENT_SESSIONS, "present plus absent sessions ("
                        + (present + authorised + unauthorised) + ") is not the sessions possible (" + possible + ")",
                        location.get().at("SessionsPresent")));
            }
        }
    }

    private static void offenceFitsTheSubject(Map<String, String> values, Supplier<Where> location, List<Rejection> problems) {
        ordered(values, "OffenceDate", "DisposalDate", location, problems);
        LocalDate born = ValueChecks.date(values.get("Subject/DateOfBirth"));
        LocalDate offence = ValueChecks.date(values.get("OffenceDate"));
        if (born != null && offence != null && values.containsKey("AgeAtOffence")) {
            int actual = Period.between(born, offence).getYears();
            if (actual != number(values.get("AgeAtOffence"))) {
                problems.add(new Rejection(ReasonCodeType.INCONSISTENT_AGE, "the age at offence does not match the date of birth "
                        + "(it would be " + actual + ")", location.get().at("AgeAtOffence")));
            }
        }
    }

    private static void childIsUnder18(Map<String, String> values, Supplier<Where> location, CheckContext context, List<Rejection> problems) {
        String role = values.get("RoleInHousehold");
        LocalDate born = ValueChecks.date(values.get("DateOfBirth"));
        if (born != null && ("CHILD".equals(role) || "OTHER_CHILD".equals(role))
                && Period.between(born, context.messageDate()).getYears() >= 18) {
            problems.add(new Rejection(ReasonCodeType.INCONSISTENT_AGE,
                    "a member whose role is " + role + " must be under 18 on the date of the message", location.get().at("DateOfBirth")));
        }
    }

    private static void senderIsTheDeliverer(String role, Map<String, String> values, Supplier<Where> location, CheckContext context,
                                             List<Rejection> problems) {
        boolean namesTheSender = role.endsWith("/Sender") || role.equals("Referrer/Agency");
        String named = values.get("PartnerId");
        if (namesTheSender && context.deliveredBy() != null && named != null && !named.equals(context.deliveredBy())) {
            problems.add(new Rejection(ReasonCodeType.SENDER_MISMATCH, "the message names partner '" + named
                    + "' as its sender but was delivered by '" + context.deliveredBy() + "'", location.get().at("PartnerId")));
        }
    }

    private static long number(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
