package io.zhibiao.observation;

import io.zhibiao.indicator.Indicator;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.period.Period;
import io.zhibiao.progress.Numbers;
import io.zhibiao.target.TargetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dhatim.fastexcel.ProtectionOption;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The monthly form a clerk fills in Excel: one row per indicator the org unit has a target for,
 * with the current figure if any. Codes are locked, the header frozen; uploading it back unchanged
 * changes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TemplateService {

    private static final List<String> TITLES = Column.TEMPLATE_TITLES;
    private static final int FIRST_EDITABLE = TITLES.indexOf(Column.VALUE.title);

    /** One row of the form. */
    public record Line(Indicator indicator, Period period, Observation current) {
    }

    @Inject
    OrgUnitService orgUnits;

    @Inject
    TargetService targets;

    public List<Line> lines(String orgUnitCode, YearMonth month) {
        OrgUnit unit = orgUnits.get(orgUnitCode);
        int m = Period.index(month);
        List<Indicator> indicators = targets.indicatorsTargeted(unit, m);
        Map<Long, Period> periods = indicators.stream().collect(Collectors.toMap(i -> i.id, i -> enclosing(i, m)));
        Map<String, Observation> current = indicators.isEmpty()
                ? Map.of()
                : Observation.<Observation>find(
                        "orgUnit = ?1 and indicator in ?2 and (deleted = false or notApplicable = true) and span.startMonth <= ?3 "
                                + "and span.endMonth >= ?3",
                        unit, indicators, m).list().stream()
                        .collect(Collectors.toMap(o -> o.indicator.id + "/" + o.span.text, Function.identity()));
        return indicators.stream()
                .sorted(Comparator.comparing((Indicator i) -> i.category == null ? "" : i.category)
                        .thenComparing(i -> i.code))
                .map(i -> new Line(i, periods.get(i.id), current.get(i.id + "/" + periods.get(i.id)))).toList();
    }

    /**
     * The form as JSON: the template's rows, and for each the figure of the previous reporting period and of the same
     * period a year earlier, read in one query.
     */
    public EntryForm form(String orgUnitCode, YearMonth month) {
        OrgUnit unit = orgUnits.get(orgUnitCode);
        List<Line> lines = lines(orgUnitCode, month);
        Map<String, Observation> earlier = new HashMap<>();
        if (!lines.isEmpty()) {
            List<String> periods = lines.stream()
                    .flatMap(l -> Stream.of(previous(l).toString(), l.period().shiftMonths(-12).toString())).toList();
            Observation
                    .<Observation>find("orgUnit = ?1 and indicator in ?2 and deleted = false and span.text in ?3", unit,
                            lines.stream().map(Line::indicator).toList(), periods)
                    .list().forEach(o -> earlier.put(o.indicator.id + "/" + o.span.text, o));
        }
        return new EntryForm(unit.code, unit.name, month.toString(), lines.stream().map(l -> {
            Indicator i = l.indicator();
            return new EntryForm.Row(i.code, i.name, i.unit, i.valueType, i.category, l.period().toString(),
                    l.current() == null ? null : ObservationView.of(l.current()),
                    figure(earlier.get(i.id + "/" + previous(l))),
                    figure(earlier.get(i.id + "/" + l.period().shiftMonths(-12))));
        }).toList());
    }

    private static Period previous(Line line) {
        return line.period().shiftMonths(-line.period().months());
    }

    private static EntryForm.Figure figure(Observation o) {
        return o == null ? null : new EntryForm.Figure(o.span.text, Numbers.display(o.value));
    }

    /**
     * The reporting period of the indicator's frequency that contains the month (March → 2025-Q1
     * for a quarterly one).
     */
    static Period enclosing(Indicator indicator, int month) {
        int step = indicator.frequency.periodType().months();
        int start = month - Math.floorMod(month, step);
        return new Period(start, start + step - 1);
    }

    public void write(String orgUnitCode, YearMonth month, OutputStream out) throws IOException {
        List<Line> lines = lines(orgUnitCode, month);
        Workbook workbook = new Workbook(out, "Zhibiao", "1.0");
        Worksheet sheet = workbook.newWorksheet(month + " 填报");
        for (int c = 0; c < TITLES.size(); c++) {
            sheet.value(0, c, TITLES.get(c));
            sheet.style(0, c).bold().fillColor("DDEBF7").set();
        }
        int[] widths = {22, 24, 10, 20, 10, 14, 12, 30};
        for (int c = 0; c < widths.length; c++) {
            sheet.width(c, widths[c]);
        }
        int r = 1;
        for (Line line : lines) {
            sheet.value(r, 0, line.indicator().code);
            sheet.value(r, 1, line.indicator().name);
            sheet.value(r, 2, line.indicator().unit);
            sheet.value(r, 3, orgUnitCode);
            sheet.value(r, 4, line.period().toString());
            if (line.current() != null) {
                sheet.value(r, 5, Numbers.display(line.current().value));
                sheet.value(r, 7, line.current().comment);
            }
            sheet.value(r, 6, line.current() == null ? ObservationStatus.FINAL.name() : line.current().status.name());
            for (int c = FIRST_EDITABLE; c < TITLES.size(); c++) {
                sheet.style(r, c).protectionOption(ProtectionOption.LOCKED, false).set();
            }
            r++;
        }
        sheet.freezePane(0, 1);
        // Protection stops accidental edits of codes; it is not a security boundary (no secret
        // password).
        sheet.protect("zhibiao");
        workbook.finish();
    }
}
