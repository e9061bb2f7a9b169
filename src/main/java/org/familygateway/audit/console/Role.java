package org.familygateway.audit.console;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a console user may do. IG officers read the log (search, entries, reports, rejections);
 * administrators manage users and checkpoints but do not read entries about people. Both may see
 * whether the log verifies.
 */
public enum Role {
    IG_OFFICER,
    ADMINISTRATOR;

    /** As written on the command line and in the database: ig-officer, administrator. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Role fromLabel(String label) {
        return Arrays.stream(values()).filter(r -> r.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no role " + label + "; roles are ig-officer and administrator"));
    }
}
