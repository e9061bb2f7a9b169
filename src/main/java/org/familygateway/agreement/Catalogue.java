package org.familygateway.agreement;

import org.familygateway.validation.DataCatalogue;

/** The schemas' data catalogue, read once: which category each message and record is. */
final class Catalogue {

    static final DataCatalogue INSTANCE = DataCatalogue.load();

    private Catalogue() {
    }
}
