package org.familygateway.trust;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import org.familygateway.model.v1.AgencyKindType;
import org.familygateway.model.v1.ChannelType;

/**
 * A partner agency as configured: who it is, which ways in it may use, the certificates its
 * messages are signed with (two during a rotation) and the SSH keys it logs in with.
 */
public record Partner(
        String id,
        String name,
        AgencyKindType agency,
        Set<ChannelType> channels,
        List<X509Certificate> signingCertificates,
        List<PublicKey> sshKeys) {

    public Partner {
        channels = Set.copyOf(channels);
        signingCertificates = List.copyOf(signingCertificates);
        sshKeys = List.copyOf(sshKeys);
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
