package org.familygateway.trust;

import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

/** Standard names for the algorithms a CMS signer declares. */
final class CmsAlgorithms {

    private static final DefaultAlgorithmNameFinder NAMES = new DefaultAlgorithmNameFinder();

    private CmsAlgorithms() {
    }

    /** "SHA-256" for the SHA-256 OID; the OID itself for anything the finder does not know. */
    static String digestName(SignerInformation signer) {
        String name = NAMES.getAlgorithmName(signer.getDigestAlgorithmID());
        return name.replaceFirst("^SHA(\\d)", "SHA-$1").replaceFirst("^SHA-1$", "SHA-1");
    }
}
