package org.familygateway.trust;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import org.familygateway.model.v1.AgencyKindType;
import org.familygateway.model.v1.ChannelType;

/**
 * A partner agency as configured: who it is, which ways in it may use, the certificates its
 * messages are signed with (two during a rotation), the SSH keys it logs in with, the TLS client
 * certificates it connects with (if any; then it must use one), and its own file size cap (if any).
 */
public record Partner(
        String id,
        String name,
        AgencyKindType agency,
        Set<ChannelType> channels,
        List<X509Certificate> signingCertificates,
        List<PublicKey> sshKeys,
        List<X509Certificate> tlsCertificates,
        Long maxFileBytes) {

    public Partner {
        channels = Set.copyOf(channels);
        signingCertificates = List.copyOf(signingCertificates);
        sshKeys = List.copyOf(sshKeys);
        tlsCertificates = List.copyOf(tlsCertificates);
    }

    public Partner(String id, String name, AgencyKindType agency, Set<ChannelType> channels,
                   List<X509Certificate> signingCertificates, List<PublicKey> sshKeys) {
        this(id, name, agency, channels, signingCertificates, sshKeys, List.of(), null);
    }

    public boolean connectsWithTls(X509Certificate certificate) {
        return tlsCertificates.contains(certificate);
    }

    public boolean mayUse(ChannelType channel) {
        return channels.contains(channel);
    }

    public boolean signsWith(X509Certificate certificate) {
        return signingCertificates.contains(certificate);
    }

    @Override
    public String toString() {
        return "Partner[" + id + "]";
    }
}
