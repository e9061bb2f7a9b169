package org.familygateway.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.familygateway.agreement.Agreement;
import org.familygateway.agreement.AgreementRegistry;
import org.familygateway.agreement.AgreementStatus;
import org.familygateway.agreement.ConsentTerms;
import org.familygateway.agreement.SharingTerm;
import org.familygateway.model.v1.Article6BasisType;
import org.familygateway.model.v1.Article9ConditionType;
import org.familygateway.model.v1.DataCategoryType;
import org.familygateway.model.v1.PurposeType;
import org.familygateway.model.v1.RecipientType;
import org.familygateway.model.v1.StatutoryGatewayType;

/**
 * Reads {@code config/agreements/}: one agreement per {@code *.yaml} file (the format is in the
 * folder's README.md and the example). Its version is the files' names, sizes and times, so the
 * registry re-reads the folder when a council edits, adds or removes a file.
 */
final class AgreementsFolder implements AgreementRegistry.Source {

    /** One agreement file as written; codes are the schemas' values (CHILDREN_ACT_1989_S47), read with their fromValue. */
    record File(String id, String title, String status, String validFrom, String validTo, List<String> purposes,
                Map<String, List<Term>> partners, Consent consent, Map<String, List<String>> recipients, String retention) {
    }

    record Term(List<String> categories, String article6, String gateway, String article9) {

        SharingTerm toTerm() {
            return new SharingTerm(codes(categories, DataCategoryType::fromValue), code(article6, Article6BasisType::fromValue),
                    code(gateway, StatutoryGatewayType::fromValue), code(article9, Article9ConditionType::fromValue));
        }
    }

    record Consent(Boolean required, List<String> acceptedInstead, String maxAge) {

        ConsentTerms toTerms() {
            return new ConsentTerms(Boolean.TRUE.equals(required), codes(acceptedInstead, StatutoryGatewayType::fromValue), period(maxAge));
        }
    }

    private final Path folder;

    AgreementsFolder(Path folder) {
        this.folder = folder;
    }

    @Override
    public Object version() {
        return files().stream().map(f -> f.getFileName() + ":" + size(f) + ":" + modified(f)).toList();
    }

    @Override
    public List<Agreement> load() {
        return files().stream().map(this::read).toList();
    }

    private Agreement read(Path file) {
        File f = new ConfigYaml(System.getenv()).read(file, File.class, Map.of());
        try {
            Map<String, List<SharingTerm>> partners = new java.util.HashMap<>();
            (f.partners() == null ? Map.<String, List<Term>>of() : f.partners())
                    .forEach((partner, terms) -> partners.put(partner, terms.stream().map(Term::toTerm).toList()));
            Map<RecipientType, Set<DataCategoryType>> recipients = new EnumMap<>(RecipientType.class);
            (f.recipients() == null ? Map.<String, List<String>>of() : f.recipients())
                    .forEach((recipient, categories) -> recipients.put(RecipientType.fromValue(recipient), codes(categories, DataCategoryType::fromValue)));
            return new Agreement(f.id(), f.title(), status(f.status()), date(f.validFrom()), date(f.validTo()),
                    codes(f.purposes(), PurposeType::fromValue), partners, f.consent() == null ? ConsentTerms.NOT_REQUIRED : f.consent().toTerms(),
                    recipients, period(f.retention()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ConfigurationException(file + ": " + e.getMessage(), e);
        }
    }

    private static <E> E code(String text, java.util.function.Function<String, E> fromValue) {
        return text == null || text.isBlank() ? null : fromValue.apply(text.trim());
    }

    private static <E> Set<E> codes(List<String> texts, java.util.function.Function<String, E> fromValue) {
        return texts == null ? Set.of() : texts.stream().map(t -> code(t, fromValue)).collect(java.util.stream.Collectors.toSet());
    }

    private static AgreementStatus status(String status) {
        if (status == null) {
            throw new IllegalArgumentException("status is missing (active, suspended or ended)");
        }
        return AgreementStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
    }

    private static Period period(String text) {
        return text == null || text.isBlank() ? null : Period.parse(text.trim());
    }

    private List<Path> files() {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the agreements folder " + folder, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
