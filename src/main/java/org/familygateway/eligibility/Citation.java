package org.familygateway.eligibility;

/**
 * The words of a council's document that a rule encodes: the file, the line (or lines, "29-31") and
 * the quote, verbatim with the extraction's own spelling; "…" marks words left out.
 */
public record Citation(String document, String lines, String quote) {

    /** Reads {@code source: {document, line, quote}}; the document defaults to the rule file's own. */
    static Citation read(Node source, String document) {
        source.only("document", "line", "quote");
        String lines = source.at("line").text();
        if (!lines.matches("\\d+(-\\d+)?")) {
            throw source.at("line").fail("expected a line number (17) or a range of lines (29-31)");
        }
        return new Citation(source.maybe("document").map(Node::text).orElse(document), lines, source.at("quote").text());
    }

    public String describe() {
        return document + " line " + lines + ": \"" + quote + "\"";
    }
}
