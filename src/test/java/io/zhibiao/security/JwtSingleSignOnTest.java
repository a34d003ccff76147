package io.zhibiao.security;

import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * JWTs of an identity provider: groups name the role, the org claim the subtree; tokens the test
 * signs itself.
 */
@QuarkusTest
@TestProfile(JwtSingleSignOnTest.SingleSignOn.class)
class JwtSingleSignOnTest {

    private static final String ISSUER = "https://sso.qinghe.test";
    private static final String CELL = "/api/v1/observations/{i}/{o}/{p}";

    public static class SingleSignOn implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zhibiao.security.jwt.enabled", "true", "mp.jwt.verify.issuer", ISSUER,
                    "mp.jwt.verify.publickey.location", "jwt/publicKey.pem", "smallrye.jwt.sign.key.location",
                    "jwt/privateKey.pem");
        }
    }

    private static String jwt(String subject, String group, String org) {
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of(group)).claim("org", org).sign();
    }

    @Test
    void clerkFromTheIdentityProviderWritesItsSchoolOnly() {
        String county = county();
        String school = orgUnit("SCHOOL", county);
        String other = orgUnit("SCHOOL", county);
        String indicator = anIndicator().create();
        String token = jwt("wang.li", "clerk", school);

        as(token).body(Map.of("value", 12)).put(CELL, indicator, school, "2025-03").then().statusCode(201)
                .body("updatedBy", equalTo("wang.li"));
        as(token).body(Map.of("value", 12)).put(CELL, indicator, other, "2025-03").then().spec(problem(404))
                .body("detail", equalTo("org unit '" + other + "' does not exist"));
        as(token).get("/api/v1/org-units/{c}", county).then().spec(problem(404));
    }

    @Test
    void untrustedOrIncompleteJwtsAnswer401() throws GeneralSecurityException {
        String school = orgUnit("SCHOOL", county());
        as(Jwt.issuer("https://evil.test").subject("x").groups("ADMIN").claim("org", school).sign())
                .get("/api/v1/indicators").then().spec(problem(401));
        as(Jwt.issuer(ISSUER).subject("x").groups("ADMIN").claim("org", school)
                .sign(KeyUtils.generateKeyPair(2048).getPrivate())).get("/api/v1/indicators").then().spec(problem(401));
        as(Jwt.issuer(ISSUER).subject("x").groups("ADMIN").claim("org", school).expiresAt(1_000_000L).sign())
                .get("/api/v1/indicators").then().spec(problem(401));
        // The clock skew allowed is 5 s (mp.jwt.verify.clock.skew), not the library's 60.
        long tenSecondsAgo = System.currentTimeMillis() / 1000 - 10;
        as(Jwt.issuer(ISSUER).subject("x").groups("ADMIN").claim("org", school).issuedAt(tenSecondsAgo - 60)
                .expiresAt(tenSecondsAgo).sign()).get("/api/v1/indicators").then().spec(problem(401));
        as(Jwt.issuer(ISSUER).subject("x").groups("ADMIN").claim("org", school).expiresAt(tenSecondsAgo + 40).sign())
                .get("/api/v1/indicators").then().statusCode(200);
        as(jwt("x", "teacher", school)).get("/api/v1/indicators").then().spec(problem(401));
        as(jwt("x", "VIEWER", "no-such-unit")).get("/api/v1/indicators").then().spec(problem(401));
        as(Jwt.issuer(ISSUER).subject("x").groups("VIEWER").sign()).get("/api/v1/indicators").then().spec(problem(401));
    }
}
