package io.zhibiao.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Token",
        description = "An access token. `token` (the secret) appears only in the answer to its creation.")
public record TokenView(@Schema(required = true, example = "1") long id,
        @Schema(example = "qinghe-no1-clerk") String name, @Schema(example = "CLERK") Role role,
        @Schema(example = "qinghe-no1-middle") String orgUnitCode,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                description = "The secret; only in the answer to the token's creation",
                example = "zb_3q2-7w…") String token,
        OffsetDateTime createdAt, @Schema(example = "admin") String createdBy, OffsetDateTime expiresAt,
        OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {

    static TokenView of(TokenService.Held held, String secret) {
        AccessToken t = held.token();
        return new TokenView(t.id, t.name, t.role, held.scope().code(), secret, t.createdAt, t.createdBy, t.expiresAt,
                t.revokedAt, t.lastUsedAt);
    }
}
