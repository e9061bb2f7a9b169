package org.familygateway.trust;

import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where revocation status comes from: CRLs the deployment supplies and, where configured, an OCSP
 * responder (asked first, with the CRLs to fall back on). Status is always checked, and a
 * certificate whose status cannot be established is refused.
 */
public final class Revocation {

    private final Supplier<List<X509CRL>> crls;
    private final URI ocspResponder;

    private Revocation(Supplier<List<X509CRL>> crls, URI ocspResponder) {
        this.crls = crls;
        this.ocspResponder = ocspResponder;
    }

    /** CRL files (re-read when they change) and an optional OCSP responder; at least one of the two. */
    public static Revocation configured(List<Path> crlFiles, URI ocspResponder, Clock clock) {
        if (crlFiles.isEmpty() && ocspResponder == null) {
            throw new IllegalArgumentException("revocation must be checked: configure trust.crls or trust.ocspResponder");
        }
        List<X509CRL> none = List.of();
        return new Revocation(crlFiles.isEmpty() ? () -> none : new CrlFiles(crlFiles, clock), ocspResponder);
    }

    /** These CRLs only. */
    public static Revocation fromCrls(List<X509CRL> crls) {
        List<X509CRL> fixed = List.copyOf(crls);
        return new Revocation(() -> fixed, null);
    }

    /** This OCSP responder, with these CRLs to fall back on (may be none). */
    public static Revocation fromOcsp(URI responder, List<X509CRL> crls) {
        List<X509CRL> fixed = List.copyOf(crls);
        return new Revocation(() -> fixed, responder);
    }

    public List<X509CRL> currentCrls() {
        return crls.get();
    }

    /** Sets up revocation checking, with the CRLs current now, on PKIX parameters for an end-entity certificate. */
    void apply(PKIXParameters parameters, CertPathValidator validator) throws GeneralSecurityException {
        List<X509CRL> current = crls.get();
        parameters.setRevocationEnabled(true);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(current)));
        PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        Set<PKIXRevocationChecker.Option> options = EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY);
        if (ocspResponder != null) {
            checker.setOcspResponder(ocspResponder);
            if (current.isEmpty()) {
                options.add(PKIXRevocationChecker.Option.NO_FALLBACK);
            }
        } else {
            options.add(PKIXRevocationChecker.Option.PREFER_CRLS);
            options.add(PKIXRevocationChecker.Option.NO_FALLBACK);
        }
        checker.setOptions(options);
        parameters.addCertPathChecker(checker);
    }
}
