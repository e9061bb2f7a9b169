package org.familygateway.audit.console;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.familygateway.model.Pseudonyms;

/**
 * Turns an identifier IG types in into its pseudonym, the only form in which the audit holds or
 * searches it. The identifier itself is never stored, logged or put in a URL: forms that take one
 * are POSTed and answered with a redirect to the pseudonym.
 */
final class Subjects {

    private static final Pattern PSEUDONYM = Pattern.compile("ps_[a-z2-7]{32}");
    static final List<String> KINDS = Arrays.stream(Pseudonyms.Kind.values()).filter(k -> k != Pseudonyms.Kind.LOCAL_ID)
            .map(Enum::name).toList();

    private final Pseudonyms pseudonyms;

    Subjects(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    /** The pseudonym for an identifier of a kind; null when nothing was typed. */
    String pseudonymOf(String kind, String identifier) {
        if (identifier == null) {
            return null;
        }
        if (kind == null || !KINDS.contains(kind)) {
            throw new IllegalArgumentException("choose what kind of identifier this is");
        }
        return pseudonyms.of(Pseudonyms.Kind.valueOf(kind), identifier);
    }

    /** A pseudonym given in a URL, checked for its form. */
    static String checked(String pseudonym) {
        if (pseudonym != null && !PSEUDONYM.matcher(pseudonym).matches()) {
            throw new IllegalArgumentException("not a subject pseudonym");
        }
        return pseudonym;
    }

    /** The fields of a form that asks for a person. */
    static String fields() {
        return "<label>Identifier kind <select name=\"subjectKind\" id=\"subject-kind\">"
                + KINDS.stream().map(k -> "<option value=\"" + k + "\">" + k.replace('_', ' ') + "</option>").reduce("", String::concat)
                + "</select></label> <label>Identifier <input name=\"subjectIdentifier\" id=\"subject-identifier\" "
                + "autocomplete=\"off\"></label>";
    }
}
