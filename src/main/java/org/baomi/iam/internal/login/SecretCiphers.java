package org.baomi.iam.internal.login;

import java.nio.file.Path;

/** Factory for the configuration class, which lives in another package. */
public final class SecretCiphers {

    private SecretCiphers() {
    }

    public static SecretCipher create(String base64Key, Path keyFile) {
        return SecretCipher.fromConfigurationOrFile(base64Key, keyFile);
    }
}
