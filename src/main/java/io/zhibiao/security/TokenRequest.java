package io.zhibiao.security;

import io.zhibiao.common.Texts;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TokenRequest", description = "A token to create.")
public record TokenRequest(
        @Pattern(regexp = Texts.ONE_LINE, message = Texts.ONE_LINE_MESSAGE) @NotBlank @Size(
                max = 100) @Schema(example = "qinghe-no1-clerk") String name,
        @NotNull @Schema(example = "CLERK") Role role,
        @NotBlank @Schema(description = "Root of the subtree the token acts in",
                example = "qinghe-no1-middle") String orgUnitCode,
        @Schema(description = "After this instant the token answers 401; default never",
                example = "2027-01-31T00:00:00+08:00") OffsetDateTime expiresAt) {
}
