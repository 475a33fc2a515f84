package org.baomi.audit.internal.chain;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The signature of anchors (AUD-3): SM2 with SM3 digest (GB/T 32918, 国密) by default, Ed25519 selectable.
 * BouncyCastle is used as a provider instance, not registered globally.
 */
public enum SignatureAlgorithm {
    SM2,
    ED25519;

    private static final Provider BC = new BouncyCastleProvider();

    public KeyPair generate() {
        try {
            if (this == SM2) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
                generator.initialize(new ECGenParameterSpec("sm2p256v1"));
                return generator.generateKeyPair();
            }
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + this + " key pair", e);
        }
    }

    public byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = signature();
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with " + this, e);
        }
    }

    /** False for a wrong signature, and for one that cannot even be parsed. */
    public boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        try {
            Signature signature = signature();
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    public PublicKey publicKey(byte[] x509) {
        try {
            return keyFactory().generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not a " + this + " public key", e);
        }
    }

    public PrivateKey privateKey(byte[] pkcs8) {
        try {
            return keyFactory().generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not a " + this + " private key", e);
        }
    }

    private Signature signature() throws GeneralSecurityException {
        return this == SM2 ? Signature.getInstance("SM3withSM2", BC) : Signature.getInstance("Ed25519");
    }

    private KeyFactory keyFactory() throws GeneralSecurityException {
        return this == SM2 ? KeyFactory.getInstance("EC", BC) : KeyFactory.getInstance("Ed25519");
    }
}
