package org.familygateway.intake;

import java.util.List;

import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.compression.BuiltinCompressions;
import org.apache.sshd.common.compression.Compression;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.mac.Mac;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;

/**
 * The SSH algorithms the SFTP server offers, set explicitly because MINA's defaults still include
 * CBC ciphers, SHA-1 MACs and ssh-rsa signatures: AEAD and CTR ciphers, SHA-2 MACs (encrypt-then-MAC
 * first), post-quantum hybrid and elliptic-curve key exchange, and SHA-2 / EdDSA / ECDSA host key
 * signatures. Strict key exchange (the Terrapin countermeasure) is built into MINA and negotiated.
 */
final class SshAlgorithms {

    private SshAlgorithms() {
    }

    static void restrict(SshServer server) {
        server.setCipherFactories(supported(List.<NamedFactory<Cipher>>of(BuiltinCiphers.cc20p1305_openssh, BuiltinCiphers.aes256gcm,
                BuiltinCiphers.aes128gcm, BuiltinCiphers.aes256ctr, BuiltinCiphers.aes192ctr, BuiltinCiphers.aes128ctr)));
        server.setMacFactories(supported(List.<NamedFactory<Mac>>of(BuiltinMacs.hmacsha512etm, BuiltinMacs.hmacsha256etm,
                BuiltinMacs.hmacsha512, BuiltinMacs.hmacsha256)));
        server.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(false, List.of(BuiltinDHFactories.mlkem768x25519,
                BuiltinDHFactories.sntrup761x25519_openssh, BuiltinDHFactories.curve25519, BuiltinDHFactories.curve25519_libssh,
                BuiltinDHFactories.ecdhp521, BuiltinDHFactories.ecdhp384, BuiltinDHFactories.ecdhp256,
                BuiltinDHFactories.dhg18_512, BuiltinDHFactories.dhg16_512), ServerBuilder.DH2KEX));
        // no compression before authentication: only OpenSSH's delayed zlib, after login
        server.setCompressionFactories(List.<NamedFactory<Compression>>of(BuiltinCompressions.none, BuiltinCompressions.delayedZlib));
        server.setSignatureFactories(supported(List.<NamedFactory<Signature>>of(BuiltinSignatures.ed25519, BuiltinSignatures.nistp256,
                BuiltinSignatures.nistp384, BuiltinSignatures.nistp521, BuiltinSignatures.rsaSHA512, BuiltinSignatures.rsaSHA256)));
    }

    private static <T extends NamedFactory<?>> List<T> supported(List<T> factories) {
        return factories.stream().filter(f -> !(f instanceof org.apache.sshd.common.OptionalFeature o) || o.isSupported()).toList();
    }
}
