package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.familygateway.model.v1.ProtectionCategoryType;
import org.familygateway.model.v1.SocialCareEpisodeKindType;

/**
 * An episode of early help, child in need (s17), s47 enquiry, child protection plan or care.
 *
 * @param reason the reason code recorded, e.g. CHILD_VIOLENCE_AT_HOME or HEALTH for early help
 */
public record SocialCare(String subject, SocialCareEpisodeKindType kind, Period episode, ProtectionCategoryType category,
                         String reason, Source source) implements Fact {

    @Override
    public LocalDate date() {
        return episode.from();
    }

    @Override
    public String summary() {
        return Words.capitalised(Words.of(kind)) + " " + episode.describe()
                + (reason == null ? "" : " (reason: " + reason.toLowerCase().replace('_', ' ') + ")");
    }

    @Override
    public List<LocalDate> dates() {
        return Words.dates(episode);
    }
}
