package org.familygateway.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/** Reads OpenSSH public keys ({@code ssh-ed25519 AAAA... comment}). */
public final class SshKeys {

    private SshKeys() {
    }

    public static PublicKey publicKey(Path file) {
        try {
            String line = Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(file + ": no public key in the file"));
            return PublicKeyEntry.parsePublicKeyEntry(line).resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": not an OpenSSH public key (" + e.getMessage() + ")", e);
        }
    }
}
