package org.familygateway.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.familygateway.model.Rejection;
import org.familygateway.model.v1.ReasonCodeType;

/**
 * Checks a value by its schema type, wherever that type is used: every UPN, NHS number, NI number,
 * postcode and past date in every message gets the same rule. Runs only on schema-valid values.
 */
final class ValueChecks {

    private ValueChecks() {
    }

    private static final Set<String> CHECKED = Set.of("UpnType", "NhsNumberType", "NiNumberType",
            "PostcodeType", "AcademicYearType", "PastDateType");

    static boolean checks(String schemaType) {
        return CHECKED.contains(schemaType);
    }

    /** @param location where the value is, worked out only if it breaks a rule */
    static Optional<Rejection> check(String schemaType, String value, Supplier<String> location, CheckContext context) {
        return switch (schemaType) {
            case "UpnType" -> IdentifierRules.upnCheckLetterMatches(value) ? Optional.empty()
                    : problem(ReasonCodeType.INVALID_UPN, "the UPN's check letter does not match its digits", location);
            case "NhsNumberType" -> IdentifierRules.nhsNumberCheckDigitMatches(value) ? Optional.empty()
                    : problem(ReasonCodeType.INVALID_NHS_NUMBER, "the NHS number's check digit does not match", location);
            case "NiNumberType" -> IdentifierRules.niNumberIsIssuable(value) ? Optional.empty()
                    : problem(ReasonCodeType.INVALID_NI_NUMBER, "the NI number has a prefix HMRC never issues", location);
            case "PostcodeType" -> IdentifierRules.postcodeIsValid(value) ? Optional.empty()
                    : problem(ReasonCodeType.INVALID_POSTCODE, "not a valid UK postcode", location);
            case "AcademicYearType" -> IdentifierRules.academicYearFollowsOn(value) ? Optional.empty()
                    : problem(ReasonCodeType.INVALID_PERIOD, "an academic year's second year must follow its first (e.g. 2025/26)", location);
            case "PastDateType" -> notInFuture(value, location, context);
            default -> Optional.empty();
        };
    }

    private static Optional<Rejection> notInFuture(String value, Supplier<String> location, CheckContext context) {
        LocalDate date = date(value);
        if (date != null && date.isAfter(context.receivedOn())) {
            return problem(ReasonCodeType.DATE_IN_FUTURE, "the date of something that happened is later than "
                    + context.receivedOn() + ", the day the message was received", location);
        }
        return Optional.empty();
    }

    /**
     * An xs:date, which may carry a time zone; null if unreadable (the schema reports that). The
     * usual form, yyyy-mm-dd, is read directly (bulk shares hold millions of dates); any other goes
     * through ISO_DATE, which this agrees with.
     */
    static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
            int year = digits(value, 0, 4);
            int month = digits(value, 5, 7);
            int day = digits(value, 8, 10);
            if (year < 0 || month < 0 || day < 0) {
                return null;
            }
            try {
                return LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                return null;
            }
        }
        try {
            return LocalDate.parse(value, DateTimeFormatter.ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The decimal number in value[from, to), or -1 if any character there is not an ASCII digit. */
    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    private static Optional<Rejection> problem(ReasonCodeType code, String message, Supplier<String> location) {
        return Optional.of(new Rejection(code, message, location.get()));
    }
}
