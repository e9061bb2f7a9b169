package org.familygateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.familygateway.model.v1.ReferralType;

/**
 * The messages the hostile corpus sends. {@code referral} (the default) is the example school
 * referral as the sending partner would write it; a case's {@code edit} pairs alter its text. A name
 * with a file under {@code hostile/payloads/} is that file, with {@code {{PARTNER}}},
 * {@code {{MESSAGE_ID}}} and {@code {{NOW}}} filled in. A few are made here because they are too big
 * to check in: documents past the depth, text, element and attribute limits.
 */
public final class HostilePayloads {

    private HostilePayloads() {
    }

    public static byte[] payload(String name, String partnerId, List<String> edit) {
        String text = switch (name) {
            case "referral" -> referral(partnerId);
            case "deep-nesting" -> referral(partnerId).replace("<Summary>", "<Summary>" + "<Nested>".repeat(200))
                    .replace("</Summary>", "</Nested>".repeat(200) + "</Summary>");
            case "long-text" -> referral(partnerId).replaceFirst("<Summary>[^<]*</Summary>",
                    "<Summary>" + "A long summary. ".repeat(2 * 1024 * 1024 / 16) + "</Summary>");
            case "many-elements" -> referral(partnerId).replace("<Summary>", "<Summary>" + "<e/>".repeat(25_000));
            case "many-attributes" -> referral(partnerId).replaceFirst("<Referral ", "<Referral " + attributes(40) + " ");
            case "long-attribute" -> referral(partnerId).replace("<Member ref=\"p1\">",
                    "<Member ref=\"p1\" note=\"" + "x".repeat(64 * 1024) + "\">");
            case "share-count-mismatch" -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<InformationShare xmlns=\"urn:familygateway:v1\">\n"
                    + Shares.header(partnerId, "SCHOOL", 5L) + Shares.attendance("att-1") + "\n</InformationShare>\n";
            case "share-every-record-invalid" -> Shares.share(partnerId, "SCHOOL",
                    Shares.attendance("att-1", "U926200119002", 120, 4, 10), Shares.attendance("att-2", "U926200119001", 10, 8, 9));
            default -> resource(name);
        };
        text = text.replace("{{PARTNER}}", partnerId).replace("{{MESSAGE_ID}}", "hostile-" + UUID.randomUUID())
                .replace("{{NOW}}", DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        if (edit != null) {
            if (edit.size() % 2 != 0) {
                throw new IllegalArgumentException("an edit is pairs of [from, to]: " + edit);
            }
            for (int i = 0; i < edit.size(); i += 2) {
                if (!text.contains(edit.get(i))) {
                    throw new IllegalArgumentException("the payload '" + name + "' has no '" + edit.get(i) + "' to edit");
                }
                text = text.replace(edit.get(i), edit.get(i + 1));
            }
        }
        return text.getBytes(name.equals("latin1-declared-utf8") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private static String referral(String partnerId) {
        ReferralType referral = Examples.referral();
        referral.getReferrer().getAgency().setPartnerId(partnerId);
        return Examples.text(referral);
    }

    private static String attributes(int count) {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < count; i++) {
            attributes.append(" a").append(i).append("=\"").append(i).append('"');
        }
        return attributes.toString();
    }

    private static String resource(String name) {
        try (InputStream in = HostilePayloads.class.getResourceAsStream("/hostile/payloads/" + name + ".xml")) {
            if (in == null) {
                throw new IllegalArgumentException("no hostile payload named " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
