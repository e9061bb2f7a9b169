package org.familygateway.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.familygateway.trust.Pem;

/** What a partner signs and logs in with: its signing key and certificate, and its SSH key pair. */
public record PartnerIdentity(String partnerId, PrivateKey signingKey, X509Certificate signingCertificate, KeyPair sshKey) {

    /** The layout of certs-example/partners/<id>/. */
    public static PartnerIdentity fromFolder(String partnerId, Path folder) {
        return new PartnerIdentity(partnerId, Pem.privateKey(folder.resolve("signing.key")),
                Pem.certificate(folder.resolve("signing.crt")), sshKeyPair(folder.resolve("id_ed25519")));
    }

    public PartnerIdentity withSigning(PrivateKey key, X509Certificate certificate) {
        return new PartnerIdentity(partnerId, key, certificate, sshKey);
    }

    public PartnerIdentity as(String otherPartnerId) {
        return new PartnerIdentity(otherPartnerId, signingKey, signingCertificate, sshKey);
    }

    static KeyPair sshKeyPair(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in, null);
            return pairs.iterator().next();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": not an OpenSSH private key (" + e.getMessage() + ")", e);
        }
    }
}
