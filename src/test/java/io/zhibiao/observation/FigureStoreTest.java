package io.zhibiao.observation;

import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static io.zhibiao.support.Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.indicator.Indicator;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.period.Period;
import io.zhibiao.progress.Figure;
import io.zhibiao.progress.FigureSource.SeriesKey;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Figures kept between reads and brought up to date from the changes feed must always equal a fresh read: after
 * creates, revisions, deletions, re-creations, figures outside the span and figures of units not asked for.
 */
@QuarkusTest
class FigureStoreTest {

    @Inject
    FigureStore store;

    @Test
    void keptFiguresAlwaysEqualAFreshReadWhateverIsWritten() {
        String county = county();
        List<String> schools = List.of(orgUnit("SCHOOL", county), orgUnit("SCHOOL", county), orgUnit("SCHOOL", county));
        String other = orgUnit("SCHOOL", county()); // written to, never asked for
        List<String> indicators = List.of(anIndicator().create(), anIndicator().create());
        Period span = new Period(Period.index(YearMonth.of(2025, 1)), Period.index(YearMonth.of(2025, 6)));
        List<Long> indicatorIds = QuarkusTransaction.requiringNew().call(
                () -> indicators.stream().map(c -> Indicator.<Indicator>find("code", c).firstResult().id).toList());
        List<Long> unitIds = QuarkusTransaction.requiringNew()
                .call(() -> schools.stream().map(c -> OrgUnit.findByCode(c).orElseThrow().id).toList());

        Random random = new Random(20261130);
        for (int step = 0; step < 120; step++) {
            String indicator = indicators.get(random.nextInt(indicators.size()));
            String unit = random.nextInt(8) == 0 ? other : schools.get(random.nextInt(schools.size()));
            // Months 2024-11 … 2025-08: some outside the span on either side.
            YearMonth month = YearMonth.of(2024, 11).plusMonths(random.nextInt(10));
            if (random.nextInt(5) == 0) {
                json().delete("/api/v1/observations/{i}/{o}/{p}", indicator, unit, month.toString());
            } else {
                put(indicator, unit, month.toString(), String.valueOf(random.nextInt(1000)));
            }
            if (step % 3 == 0) {
                Map<SeriesKey, List<Figure>> kept = QuarkusTransaction.requiringNew()
                        .call(() -> store.figures(indicatorIds, unitIds, span));
                assertThat(kept).as("after step %d", step).isEqualTo(fresh(indicatorIds, unitIds, span));
            }
        }
    }

    /** The figures straight from the table, grouped and ordered as the store answers them. */
    private static Map<SeriesKey, List<Figure>> fresh(List<Long> indicators, List<Long> units, Period span) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Observation> rows = Observation.list(
                    "deleted = false and indicator.id in ?1 and orgUnit.id in ?2 and span.startMonth between ?3 and ?4",
                    indicators, units, span.startMonth(), span.endMonth());
            Map<SeriesKey, List<Observation>> grouped = new HashMap<>();
            rows.forEach(o -> grouped
                    .computeIfAbsent(new SeriesKey(o.indicator.id, o.orgUnit.id), k -> new ArrayList<>()).add(o));
            Map<SeriesKey, List<Figure>> series = new HashMap<>();
            grouped.forEach((key, list) -> series.put(key,
                    list.stream().sorted(Comparator.comparingInt((Observation o) -> o.span.startMonth))
                            .map(o -> new Figure(o.span.period(), o.value)).toList()));
            return series;
        });
    }
}
