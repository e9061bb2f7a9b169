package org.familygateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.familygateway.simulator.PartnerIdentity;
import org.familygateway.testing.TestCertificates.Issued;
import org.familygateway.trust.Pem;

/**
 * Partners the gateway really knows but should not believe, made with the example CA's key (an
 * example-only key, published): one revoked (listed in a CRL the gateway is given), one expired, one
 * with an RSA-1024 key, one whose certificate is SHA-1-signed, one with a tiny file size cap; and a
 * CA-issued outsider no partner is configured with. Written as a partners.yaml (the project's
 * partners plus these) and a CRL, for a TestGateway's overrides.
 */
public final class HostileFixture {

    private final Path folder;
    private final Issued ca;
    private final Map<String, PartnerIdentity> identities = new HashMap<>();
    private final Issued outsider;
    private final Path partnersFile;
    private final Path crlFile;

    public HostileFixture() {
        try {
            folder = Files.createTempDirectory("hostile-fixture-");
            ca = new Issued(Pem.certificate(Project.certs().resolve("ca/ca.crt")), Pem.privateKey(Project.certs().resolve("ca/ca.key")));
            Instant now = Instant.now();
            Issued revoked = partner("hostile-revoked", TestCertificates.signer(ca, "Revoked partner"));
            partner("hostile-expired", TestCertificates.signer(ca, "Expired partner", TestCertificates.ecKeys(),
                    now.minus(400, ChronoUnit.DAYS), now.minus(2, ChronoUnit.DAYS)));
            partner("hostile-rsa1024", TestCertificates.signer(ca, "Weak key partner", TestCertificates.rsaKeys(1024),
                    now.minus(1, ChronoUnit.DAYS), now.plus(365, ChronoUnit.DAYS)));
            partner("hostile-sha1", TestCertificates.signer(ca, "SHA-1 certificate partner", TestCertificates.ecKeys(), "SHA1withECDSA"));
            partner("hostile-small", TestCertificates.signer(ca, "Small files partner"));
            outsider = TestCertificates.signer(ca, "Issued by the CA but no partner");
            crlFile = folder.resolve("ca.crl");
            Files.write(crlFile, TestCertificates.crl(ca, List.of(revoked.certificate()), now.minus(1, ChronoUnit.HOURS),
                    now.plus(30, ChronoUnit.DAYS)).getEncoded());
            partnersFile = writePartners();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the hostile fixture", e);
        }
    }

    /** Overrides that make a TestGateway know these partners and believe this CRL. */
    public Map<String, String> overrides() {
        return Map.of("partners", partnersFile.toString(), "trust.crls", "[" + crlFile + "]");
    }

    /** An example partner from certs-example, or one of the hostile ones. */
    public PartnerIdentity identity(String partnerId) {
        return identities.computeIfAbsent(partnerId, TestGateway::partner);
    }

    public Issued outsider() {
        return outsider;
    }

    private Issued partner(String id, Issued signing) throws IOException, GeneralSecurityException {
        KeyPair ssh = KeyUtils.generateKeyPair("ssh-ed25519", 256);
        Path dir = Files.createDirectories(folder.resolve(id));
        Files.writeString(dir.resolve("signing.crt"), pem(signing.certificate()));
        Files.writeString(dir.resolve("id_ed25519.pub"), PublicKeyEntry.toString(ssh.getPublic()) + " " + id + "\n");
        identities.put(id, new PartnerIdentity(id, signing.key(), signing.certificate(), ssh));
        return signing;
    }

    private Path writePartners() throws IOException {
        StringBuilder yaml = new StringBuilder(Files.readString(Project.config().resolve("partners.yaml"))
                .replace("../certs-example/", Project.certs().toString() + "/"));
        for (String id : List.of("hostile-revoked", "hostile-expired", "hostile-rsa1024", "hostile-sha1", "hostile-small")) {
            Path dir = folder.resolve(id);
            yaml.append("\n  - id: ").append(id).append("\n    name: ").append(id).append("\n    agency: OTHER\n")
                    .append("    channels: [SOAP, SFTP]\n    signingCertificates: [").append(dir.resolve("signing.crt")).append("]\n")
                    .append("    sshPublicKeys: [").append(dir.resolve("id_ed25519.pub")).append("]\n");
            if (id.equals("hostile-small")) {
                yaml.append("    maxFileBytes: 2000\n");
            }
        }
        Path file = folder.resolve("partners.yaml");
        Files.writeString(file, yaml.toString());
        return file;
    }

    private static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
