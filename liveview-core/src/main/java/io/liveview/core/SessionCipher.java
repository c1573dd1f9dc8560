package io.liveview.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals session cookies and view tokens with AES-256-GCM, so that neither the browser nor the page
 * can read the session inside, and nobody without the key can change it. A sealed value is
 * {@code base64url(nonce || ciphertext || tag)}.
 */
final class SessionCipher {

    /** What a sealed value is for: bound as associated data, so one cannot stand in for the other. */
    enum Purpose {
        SESSION_COOKIE("lv:session-cookie"),
        VIEW_TOKEN("lv:view-token"),
        FLASH("lv:flash");

        private final byte[] aad;

        Purpose(String aad) {
            this.aad = aad.getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * The derivation label. The ':' keeps it apart from every other HMAC input of the same key: view
     * token bodies are base64url, cookie and CSRF inputs start with "session:" and "csrf:".
     */
    private static final String KEY_LABEL = "key:session-encryption";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @param secret the server's key; the AES key is HMAC-SHA256(secret, label), 256 bits */
    SessionCipher(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            this.key = new SecretKeySpec(mac.doFinal(KEY_LABEL.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from this JVM", e);
        }
    }

    /** Encrypts {@code plain} under a fresh random nonce: sealing the same bytes twice gives two values. */
    String seal(byte[] plain, Purpose purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.aad);
            byte[] sealed = cipher.doFinal(plain);
            return B64.encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM missing from this JVM", e);
        }
    }

    /**
     * @return the bytes sealed for {@code purpose}, or {@code null} if {@code sealed} is not such a
     *     value of this key (tampered, truncated, another purpose or key, or not sealed at all)
     */
    byte[] open(String sealed, Purpose purpose) {
        byte[] bytes;
        try {
            bytes = B64D.decode(sealed);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.aad);
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM missing from this JVM", e);
        }
    }
}
