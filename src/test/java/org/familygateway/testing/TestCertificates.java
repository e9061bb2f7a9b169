package org.familygateway.testing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made on the fly: foreign CAs, expired or otherwise unwelcome signers. */
public final class TestCertificates {

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    /** A certificate with the key that goes with it. */
    public record Issued(X509Certificate certificate, PrivateKey key) {
    }

    private TestCertificates() {
    }

    public static KeyPair ecKeys() {
        return ecKeys("secp256r1");
    }

    public static KeyPair ecKeys(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsaKeys(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Issued certificateAuthority(String name) {
        KeyPair keys = ecKeys();
        Instant now = Instant.now();
        return new Issued(build(new X500Name("CN=" + name), new X500Name("CN=" + name), keys.getPublic(), keys.getPrivate(),
                now.minus(1, ChronoUnit.DAYS), now.plus(3650, ChronoUnit.DAYS), true), keys.getPrivate());
    }

    /** A signing certificate issued by {@code issuer}, valid between the two instants. */
    public static Issued signer(Issued issuer, String name, KeyPair keys, Instant notBefore, Instant notAfter) {
        X500Name issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        return new Issued(build(issuerName, new X500Name("CN=" + name), keys.getPublic(), issuer.key(), notBefore, notAfter, false),
                keys.getPrivate());
    }

    /** A signer whose own certificate is signed by its issuer with this algorithm (e.g. SHA1withECDSA). */
    public static Issued signer(Issued issuer, String name, KeyPair keys, String signatureAlgorithm) {
        Instant now = Instant.now();
        X500Name issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        return new Issued(build(issuerName, new X500Name("CN=" + name), keys.getPublic(), issuer.key(), now.minus(1, ChronoUnit.DAYS),
                now.plus(365, ChronoUnit.DAYS), false, signatureAlgorithm), keys.getPrivate());
    }

    /** A CRL from the issuer listing these certificates as revoked, current until {@code nextUpdate}. */
    public static X509CRL crl(Issued issuer, List<X509Certificate> revoked, Instant thisUpdate, Instant nextUpdate) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            for (X509Certificate certificate : revoked) {
                builder.addCRLEntry(certificate.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
            }
            return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.key())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test CRL", e);
        }
    }

    /** A current CRL revoking nothing. */
    public static X509CRL emptyCrl(Issued issuer) {
        Instant now = Instant.now();
        return crl(issuer, List.of(), now.minus(1, ChronoUnit.HOURS), now.plus(7, ChronoUnit.DAYS));
    }

    public static Issued signer(Issued issuer, String name) {
        Instant now = Instant.now();
        return signer(issuer, name, ecKeys(), now.minus(1, ChronoUnit.DAYS), now.plus(365, ChronoUnit.DAYS));
    }

    private static X509Certificate build(X500Name issuer, X500Name subject, PublicKey key, PrivateKey signingKey,
                                         Instant notBefore, Instant notAfter, boolean ca) {
        return build(issuer, subject, key, signingKey, notBefore, notAfter, ca,
                "EC".equals(signingKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA");
    }

    private static X509Certificate build(X500Name issuer, X500Name subject, PublicKey key, PrivateKey signingKey,
                                         Instant notBefore, Instant notAfter, boolean ca, String algorithm) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIALS.incrementAndGet()),
                    Date.from(notBefore), Date.from(notAfter), subject, key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(signingKey)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }
}
