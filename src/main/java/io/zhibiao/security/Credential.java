package io.zhibiao.security;

/**
 * What a long-lived request (a change stream) authenticated with, kept so that it can be checked again while the
 * request lasts: a token by the hash of its secret, a JWT as presented, the bootstrap token or an anonymous reader.
 * Never a token's secret.
 *
 * @param holder who holds it, for per-token limits: the token hash, the JWT's text, "bootstrap" or "anonymous"
 */
public record Credential(Kind kind, String holder) {

    public enum Kind {
        /** The configured bootstrap admin token: valid while the service runs. */
        BOOTSTRAP,
        /** A public reader without a token (zhibiao.security.public-read). */
        ANONYMOUS,
        /** One of Zhibiao's own tokens, by hash: revocation and expiry come from the database. */
        TOKEN,
        /** An identity provider's JWT: its signature, expiry and org claim are checked again. */
        JWT
    }
}
