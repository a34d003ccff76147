package io.zhibiao.plan;

import io.zhibiao.target.TargetView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AcceptedTargets",
        description = "The targets created from a plan's reviewed candidates, in request order.")
public record AcceptedTargets(@Schema(required = true, example = "1") long planId, List<TargetView> targets) {
}
