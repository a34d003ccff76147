package io.zhibiao.commentary;

import io.quarkus.logging.Log;
import io.zhibiao.common.NotFound;
import io.zhibiao.common.PageRequest;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.PeriodSpan;
import io.zhibiao.common.Texts;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.period.Period;
import io.zhibiao.progress.Status;
import io.zhibiao.security.Access;
import io.zhibiao.security.Area;
import io.zhibiao.security.Writes;
import io.zhibiao.target.ProgressService;
import io.zhibiao.target.ProgressView;
import io.zhibiao.target.Target;
import io.zhibiao.target.TargetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Commentary per target and period (design §8): written by the planners, clerks and admins of the target's unit, every
 * version kept; and the targets that need one and have none.
 */
@ApplicationScoped
@Transactional
public class CommentaryService {

    /** The statuses at the period's end that call for an explanation. */
    static final Set<Status> NEEDS_COMMENTARY = Set.of(Status.OFF_TRACK, Status.AT_RISK, Status.MISSED);

    /** The answer to a write: the version now current, and whether this write made it. */
    public record Written(Commentary commentary, boolean created) {
    }

    @Inject
    Access access;

    @Inject
    TargetService targets;

    @Inject
    ProgressService progress;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    Clock clock;

    /** A new version, unless it says exactly what the current one says (then nothing is written). */
    @Writes(Area.COMMENTARY)
    public Written put(long targetId, Period span, CommentaryRequest request) {
        Target target = targets.get(targetId);
        Period period = within(target, span);
        String progressText = Texts.trimToNull(request.progress());
        String problems = Texts.trimToNull(request.problems());
        String nextSteps = Texts.trimToNull(request.nextSteps());
        if (progressText == null && problems == null && nextSteps == null) {
            throw new ValidationFailed("progress",
                    "say at least one of progress (进展情况), problems (存在问题) or " + "nextSteps (下步措施)");
        }
        access.checkWrite(Area.COMMENTARY, target.orgUnit);
        Commentary current = latest(target, period).orElse(null);
        if (current != null && Objects.equals(current.progress, progressText)
                && Objects.equals(current.problems, problems) && Objects.equals(current.nextSteps, nextSteps)) {
            return new Written(current, false);
        }
        Commentary c = new Commentary();
        c.target = target;
        c.span = PeriodSpan.of(period);
        c.revision = current == null ? 1 : current.revision + 1;
        c.progress = progressText;
        c.problems = problems;
        c.nextSteps = nextSteps;
        c.updatedAt = OffsetDateTime.now(clock);
        c.updatedBy = access.actor();
        c.persist();
        Log.infof("Commentary on target %d for %s, revision %d, by %s", target.id, c.span.text, c.revision,
                c.updatedBy);
        return new Written(c, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Commentary get(long targetId, Period span) {
        Target target = targets.get(targetId);
        Period period = within(target, span);
        return latest(target, period)
                .orElseThrow(() -> new NotFound("no commentary on target " + targetId + " for " + period + " yet"));
    }

    /** Every version, oldest first; empty when none was written. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Commentary> revisions(long targetId, Period span) {
        Target target = targets.get(targetId);
        Period period = within(target, span);
        return Commentary.list("target = ?1 and span.startMonth = ?2 and span.endMonth = ?3 order by revision", target,
                period.startMonth(), period.endMonth());
    }

    /**
     * The targets of the unit's subtree that are off track, at risk or missed at the period's end and have no
     * commentary for the period: what the 月报 cannot explain yet.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<MissingCommentary> missing(String orgUnitCode, Period period, PageRequest page) {
        OrgUnit root = orgUnits.get(orgUnitCode);
        List<Target> found = targets.findUnder(root, period);
        if (found.isEmpty()) {
            return PageResult.slice(List.of(), page);
        }
        Map<Long, Target> byId = found.stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
        Set<Long> explained = new HashSet<>(Commentary.getEntityManager()
                .createQuery("select distinct c.target.id from Commentary c where c.target.id in :ids "
                        + "and c.span.startMonth = :start and c.span.endMonth = :end", Long.class)
                .setParameter("ids", byId.keySet()).setParameter("start", period.startMonth())
                .setParameter("end", period.endMonth()).getResultList());
        List<MissingCommentary> missing = new ArrayList<>();
        for (ProgressView p : progress.progress(found, period.end())) {
            if (NEEDS_COMMENTARY.contains(p.status()) && !explained.contains(p.targetId())) {
                Target t = byId.get(p.targetId());
                missing.add(new MissingCommentary(t.id, t.indicator.code, t.indicator.name, t.orgUnit.code,
                        t.orgUnit.name, p.status().name(), t.leadUnit));
            }
        }
        return PageResult.slice(missing, page);
    }

    /** The current version for each of the targets that has one for the period (the 月报's 情况说明). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Commentary> latest(java.util.Collection<Long> targetIds, Period period) {
        if (targetIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Commentary> latest = new java.util.HashMap<>();
        Commentary
                .<Commentary>find("target.id in ?1 and span.startMonth = ?2 and span.endMonth = ?3 order by revision",
                        targetIds, period.startMonth(), period.endMonth())
                .list().forEach(c -> latest.put(c.target.id, c));
        return latest;
    }

    private static java.util.Optional<Commentary> latest(Target target, Period period) {
        return Commentary
                .<Commentary>find("target = ?1 and span.startMonth = ?2 and span.endMonth = ?3 order by revision desc",
                        target, period.startMonth(), period.endMonth())
                .firstResultOptional();
    }

    /** A single month, quarter, half or year inside the target's period. */
    private static Period within(Target target, Period period) {
        if (!target.period().overlaps(period)) {
            throw new ValidationFailed("period", "'" + period + "' is outside the target's period " + target.period()
                    + "; comment on a period of it");
        }
        return period;
    }
}
