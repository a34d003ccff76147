package io.zhibiao.target;

import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.period.Period;
import io.zhibiao.progress.Figure;
import io.zhibiao.progress.FigureSource;
import io.zhibiao.progress.FigureSource.SeriesKey;
import io.zhibiao.progress.ProgressEngine;
import io.zhibiao.progress.SeriesPoint;
import io.zhibiao.progress.Thresholds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Feeds targets and their figures to the engine: one figure query for any number of targets. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProgressService {

    private final ProgressEngine engine;
    private final FigureSource figures;
    private final Clock clock;

    @Inject
    public ProgressService(ZhibiaoConfig config, FigureSource figures, Clock clock) {
        this.engine = new ProgressEngine(
                new Thresholds(config.progress().onTrackPace(), config.progress().atRiskPace()));
        this.figures = figures;
        this.clock = clock;
    }

    /**
     * Progress of each target, in the given order; {@code asOf} null means each target's default
     * month.
     */
    public List<ProgressView> progress(Collection<Target> targets, YearMonth asOf) {
        Map<SeriesKey, List<Figure>> byKey = load(targets);
        return targets.stream()
                .map(t -> ProgressView.of(t, engine.compute(t.goal(), figuresOf(byKey, t), asOfFor(t, asOf)))).toList();
    }

    public ProgressView progress(Target target, YearMonth asOf) {
        return progress(List.of(target), asOf).get(0);
    }

    public List<SeriesPoint> series(Target target, YearMonth asOf) {
        return engine.series(target.goal(), figuresOf(load(List.of(target)), target), asOfFor(target, asOf));
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    private YearMonth asOfFor(Target target, YearMonth asOf) {
        return asOf != null ? asOf : ProgressEngine.defaultAsOf(target.period(), currentMonth());
    }

    private Map<SeriesKey, List<Figure>> load(Collection<Target> targets) {
        if (targets.isEmpty()) {
            return Map.of();
        }
        Period span = targets.stream().map(t -> ProgressEngine.figuresNeeded(t.goal())).reduce(
                (a, b) -> new Period(Math.min(a.startMonth(), b.startMonth()), Math.max(a.endMonth(), b.endMonth())))
                .orElseThrow();
        return figures.figures(targets.stream().map(ProgressService::key).toList(), span);
    }

    private static List<Figure> figuresOf(Map<SeriesKey, List<Figure>> byKey, Target target) {
        return byKey.getOrDefault(key(target), List.of());
    }

    private static SeriesKey key(Target target) {
        return new SeriesKey(target.indicator.id, target.orgUnit.id);
    }
}
