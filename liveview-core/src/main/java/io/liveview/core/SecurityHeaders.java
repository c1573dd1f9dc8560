package io.liveview.core;

/**
 * Headers sent on every HTTP response; a {@code null} value leaves that header out.
 *
 * @param contentSecurityPolicy the {@code Content-Security-Policy}
 * @param frameOptions          the {@code X-Frame-Options}
 * @param referrerPolicy        the {@code Referrer-Policy}
 */
record SecurityHeaders(String contentSecurityPolicy, String frameOptions, String referrerPolicy) {

    /**
     * Satisfied by the client script and by pages without inline scripts; inline styles are allowed
     * because templates commonly carry {@code style} attributes.
     */
    static final String DEFAULT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'self'";

    static final SecurityHeaders DEFAULTS = new SecurityHeaders(DEFAULT_CSP, "SAMEORIGIN", "strict-origin-when-cross-origin");
}
