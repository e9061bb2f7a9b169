package org.familygateway.agreement;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.familygateway.model.Rejection;
import org.familygateway.model.v1.DataCategoryType;
import org.familygateway.model.v1.ReasonCodeType;
import org.familygateway.model.v1.SensitivityType;
import org.familygateway.validation.DataCatalogue;
import org.familygateway.validation.RecordPermit;

/**
 * The agreements applied to one message from one partner, received on one day. A message is judged
 * against one set of agreements from start to end. The partner must have an agreement in force at
 * all (else the whole message is refused, naming why); then each record of a share, or the message
 * itself for a referral or consent update, must be of a category the agreement lets the partner
 * share. What was covered, under which agreement and basis, is kept for the audit and the usage report.
 */
public final class SharingPermit implements RecordPermit {

    /** Records of one category shared under one agreement. */
    public record Use(String agreementId, DataCategoryType category) {
    }

    private static final int HEADER_LIMIT = 100;

    private final Agreements agreements;
    private final String partnerId;
    private final LocalDate on;
    private final Map<String, Coverage> byElement = new LinkedHashMap<>();
    private final Map<Use, Long> used = new LinkedHashMap<>();
    private final Set<String> bases = new LinkedHashSet<>();
    private boolean standingChecked;

    public SharingPermit(Agreements agreements, String partnerId, LocalDate on) {
        this.agreements = agreements;
        this.partnerId = partnerId;
        this.on = on;
    }

    @Override
    public List<Rejection> check(String recordElement, Map<String, String> fields) {
        checkStanding();
        Optional<Rejection> refused = coverage(recordElement).flatMap(Coverage::rejection)
                .or(() -> specialCategoryWithoutCondition(recordElement, fields));
        return refused.map(r -> List.of(new Rejection(r.code(), r.getMessage(), "/" + recordElement))).orElse(List.of());
    }

    /** Records whose fields can make them special category data (a sexual offence, a medical reason) are read with their fields. */
    @Override
    public boolean needsFields(String recordElement) {
        return Catalogue.INSTANCE.sensitiveFieldsOf(recordElement).stream().anyMatch(f -> f.sensitivity() == SensitivityType.SPECIAL_CATEGORY);
    }

    /**
     * A covered record that holds special category data by a field's value needs an Article 9
     * condition in its term, as a health record does by its category.
     */
    private Optional<Rejection> specialCategoryWithoutCondition(String element, Map<String, String> fields) {
        Coverage coverage = byElement.get(element);
        if (coverage == null || !coverage.covered() || coverage.term().article9() != null) {
            return Optional.empty();
        }
        return Catalogue.INSTANCE.sensitiveFieldsOf(element).stream()
                .filter(f -> f.sensitivity() == SensitivityType.SPECIAL_CATEGORY && f.when().contains(fields.getOrDefault(f.field(), "")))
                .findFirst().map(f -> new Rejection(ReasonCodeType.CATEGORY_NOT_COVERED, "this record's " + f.field()
                        + " makes it special category data, and the data-sharing agreement " + coverage.agreement().id()
                        + " names no Article 9 condition for " + partnerId + " to share it"));
    }

    @Override
    public void accepted(String recordElement) {
        Coverage coverage = byElement.get(recordElement);
        if (coverage != null && coverage.covered()) {
            used.merge(new Use(coverage.agreement().id(), categoryOf(recordElement).orElseThrow()), 1L, Long::sum);
            bases.add(coverage.lawfulBasis());
        }
    }

    /**
     * For a referral or consent update: the coverage of the message as a whole, which counts as one
     * record of its category; throws the Rejection naming why when it is not covered.
     */
    public Coverage message(String messageType) {
        checkStanding();
        Coverage coverage = coverage(messageType).orElseThrow(() -> new IllegalArgumentException("no data category for " + messageType));
        coverage.rejection().ifPresent(r -> {
            throw r;
        });
        accepted(messageType);
        return coverage;
    }

    /** Records shared, by agreement and category, for the usage report. */
    public Map<Use, Long> used() {
        return Map.copyOf(used);
    }

    /** The agreements relied on, for the audit (comma-separated, at most 100 characters); null if none. */
    public String agreementIds() {
        return joined(used.keySet().stream().map(Use::agreementId).toList());
    }

    /** The lawful bases relied on, as the agreements name them, for the audit; null if none. */
    public String lawfulBases() {
        return joined(List.copyOf(bases));
    }

    /**
     * The agreements the given kinds of accepted record were shared under (a chunk's records), as
     * {@link #agreementIds} gives them for the whole message; null if none.
     */
    public String agreementIdsOf(Collection<String> recordElements) {
        return joined(coveredOf(recordElements).map(c -> c.agreement().id()).toList());
    }

    /** The lawful bases the given kinds of accepted record were shared under, as {@link #lawfulBases} gives them; null if none. */
    public String lawfulBasesOf(Collection<String> recordElements) {
        return joined(coveredOf(recordElements).map(Coverage::lawfulBasis).toList());
    }

    private java.util.stream.Stream<Coverage> coveredOf(Collection<String> recordElements) {
        return recordElements.stream().map(byElement::get).filter(c -> c != null && c.covered());
    }

    private void checkStanding() {
        if (!standingChecked) {
            agreements.standing(partnerId, on).rejection().ifPresent(r -> {
                throw r;
            });
            standingChecked = true;
        }
    }

    /** Empty for an element the catalogue does not know: the schema check refuses it. */
    private Optional<Coverage> coverage(String element) {
        Optional<DataCategoryType> category = categoryOf(element);
        return category.map(c -> byElement.computeIfAbsent(element, e -> agreements.cover(partnerId, c, null, on)));
    }

    private static Optional<DataCategoryType> categoryOf(String element) {
        return Catalogue.INSTANCE.of(element).map(DataCatalogue.DataClass::category);
    }

    private static String joined(List<String> values) {
        Set<String> distinct = new LinkedHashSet<>(values);
        if (distinct.isEmpty()) {
            return null;
        }
        String text = String.join(",", distinct);
        return text.length() <= HEADER_LIMIT ? text : text.substring(0, HEADER_LIMIT);
    }
}
