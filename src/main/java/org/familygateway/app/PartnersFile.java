package org.familygateway.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.familygateway.model.v1.AgencyKindType;
import org.familygateway.model.v1.ChannelType;
import org.familygateway.trust.Partner;
import org.familygateway.trust.PartnerDirectory;
import org.familygateway.trust.Pem;
import org.familygateway.trust.SshKeys;

/** Reads {@code config/partners.yaml} (its format is documented at the top of that file). */
record PartnersFile(List<Entry> partners) {

    record Entry(String id, String name, AgencyKindType agency, Set<ChannelType> channels,
                 List<Path> signingCertificates, List<Path> sshPublicKeys, List<Path> tlsClientCertificates, Long maxFileBytes) {

        Partner toPartner() {
            if (id == null || !id.matches("[a-z0-9][a-z0-9-]{1,62}")) {
                throw new ConfigurationException("partners.yaml: partner id '" + id + "' must be lower-case letters, digits and -");
            }
            if (agency == null || channels == null || channels.isEmpty()) {
                throw new ConfigurationException("partners.yaml: partner " + id + " needs an agency and at least one channel");
            }
            if (signingCertificates == null || signingCertificates.isEmpty()) {
                throw new ConfigurationException("partners.yaml: partner " + id + " needs at least one signing certificate");
            }
            List<Path> ssh = sshPublicKeys == null ? List.of() : sshPublicKeys;
            if (channels.contains(ChannelType.SFTP) && ssh.isEmpty()) {
                throw new ConfigurationException("partners.yaml: partner " + id + " uses SFTP but has no SSH public key");
            }
            try {
                return new Partner(id, name == null ? id : name, agency, channels,
                        signingCertificates.stream().map(Pem::certificate).toList(),
                        ssh.stream().map(SshKeys::publicKey).toList(),
                        (tlsClientCertificates == null ? List.<Path>of() : tlsClientCertificates).stream().map(Pem::certificate).toList(),
                        maxFileBytes);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("partners.yaml: partner " + id + ": " + e.getMessage(), e);
            }
        }
    }

    static PartnerDirectory load(Path file) {
        PartnersFile parsed = new ConfigYaml(System.getenv()).read(file, PartnersFile.class, Map.of());
        if (parsed.partners() == null || parsed.partners().isEmpty()) {
            throw new ConfigurationException(file + ": no partners configured");
        }
        try {
            return new PartnerDirectory(parsed.partners().stream().map(Entry::toPartner).toList());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(file + ": " + e.getMessage(), e);
        }
    }
}
