package org.familygateway.trust;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;

/** Reads certificates and private keys from PEM files, naming the file when it cannot. */
public final class Pem {

    private Pem() {
    }

    public static X509Certificate certificate(Path file) {
        List<X509Certificate> all = certificates(file);
        if (all.size() != 1) {
            throw new IllegalArgumentException(file + ": expected one certificate, found " + all.size());
        }
        return all.get(0);
    }

    public static List<X509Certificate> certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException(file + ": not a PEM certificate (" + e.getMessage() + ")", e);
        }
    }

    /** An unencrypted private key, PKCS#8 or traditional, as a standard JDK key (RSA, EC or Ed25519). */
    public static PrivateKey privateKey(Path file) {
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            PrivateKeyInfo info = object instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo()
                    : object instanceof PrivateKeyInfo i ? i : null;
            if (info == null) {
                throw new IllegalArgumentException(file + ": not an unencrypted PEM private key");
            }
            return KeyFactory.getInstance(jdkAlgorithm(info.getPrivateKeyAlgorithm().getAlgorithm()))
                    .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": cannot read private key (" + e.getMessage() + ")", e);
        }
    }

    private static String jdkAlgorithm(ASN1ObjectIdentifier oid) {
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            return "RSA";
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            return "EC";
        }
        if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            return "Ed25519";
        }
        throw new IllegalArgumentException("unsupported private key algorithm " + oid);
    }
}
