/** A self-signed certificate for 127.0.0.1 / localhost (valid until 2126), for HTTPS and CONNECT-proxy tests only. */

/** The private key (PEM). Test-only: it protects nothing. */
export const TEST_TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQghIhNoTstzRUIlIK9
R0mxiSkUPWGwHtaOCjv8ZnAsfOChRANCAATNXJa9DMfu6Vo5h2hPihOejvPw4Paq
/qkuEHjX8UthX7g0l8SNH7Z1KbJtm4gU/EicQSmh6z03KRR9C1LUnNXk
-----END PRIVATE KEY-----
`;

/** The certificate (PEM), also used as the trusted CA in the tests. */
export const TEST_TLS_CERT = `-----BEGIN CERTIFICATE-----
MIIBmjCCAUGgAwIBAgIUDXt2K+jMrko1UXs46/rwR/MyBdgwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyMjAwMjY1MloYDzIxMjYxMDI5
MDAyNjUyWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAATNXJa9DMfu6Vo5h2hPihOejvPw4Paq/qkuEHjX8UthX7g0l8SNH7Z1
KbJtm4gU/EicQSmh6z03KRR9C1LUnNXko28wbTAdBgNVHQ4EFgQU3efMjYNc2lVf
JsfXUaAUbb2UPT8wHwYDVR0jBBgwFoAU3efMjYNc2lVfJsfXUaAUbb2UPT8wDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARhwR/AAABgglsb2NhbGhvc3QwCgYIKoZI
zj0EAwIDRwAwRAIgIS9xv/hpdsAWJcHQ7uLHys5k3MPmBIfoGlDK9EwjHeMCICBJ
fsIC7gxwdr9ummDV4QRRy7if/egVdQxjo8NVyxQU
-----END CERTIFICATE-----
`;
