package io.zhibiao.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AcceptRequest", description = "Reviewed candidates to create as targets of the plan, all or none.")
public record AcceptRequest(
        @NotEmpty @Size(max = AcceptRequest.MAX_TARGETS) List<@NotNull @Valid AcceptedTarget> targets) {

    public static final int MAX_TARGETS = 500;
}
