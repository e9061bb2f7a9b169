package org.familygateway.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** Small helpers for the plain words facts and decisions are explained in. */
final class Words {

    private Words() {
    }

    /** CARERS_ALLOWANCE reads "carers allowance". */
    static String of(Enum<?> code) {
        return code == null ? "" : code.name().toLowerCase(Locale.UK).replace('_', ' ');
    }

    static String list(Collection<String> items) {
        List<String> all = new ArrayList<>(items);
        if (all.size() <= 1) {
            return String.join("", all);
        }
        return String.join(", ", all.subList(0, all.size() - 1)) + " and " + all.get(all.size() - 1);
    }

    static String codes(Collection<? extends Enum<?>> codes) {
        return list(codes.stream().map(Words::of).collect(Collectors.toList()));
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static List<LocalDate> dates(LocalDate... dates) {
        List<LocalDate> present = new ArrayList<>();
        for (LocalDate date : dates) {
            if (date != null) {
                present.add(date);
            }
        }
        return present;
    }

    static List<LocalDate> dates(Period period, LocalDate... more) {
        List<LocalDate> all = dates(more);
        all.add(period.from());
        if (period.to() != null) {
            all.add(period.to());
        }
        all.removeIf(Objects::isNull);
        return all;
    }
}
