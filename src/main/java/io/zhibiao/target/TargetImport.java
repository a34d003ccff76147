package io.zhibiao.target;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.zhibiao.common.ApiException;
import io.zhibiao.common.Bodies;
import io.zhibiao.common.ColumnTable;
import io.zhibiao.common.FieldError;
import io.zhibiao.common.ImportSummary;
import io.zhibiao.common.Texts;
import io.zhibiao.common.UnreadableBody;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.XlsxSheet;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.security.Access;
import io.zhibiao.security.Area;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Targets from a spreadsheet (目标表): rows of indicator, org unit, period, value, baseline, tolerance and title, each
 * created exactly as a single {@code POST /targets} would (same service, same rules, same errors). Atomic by default:
 * every row is first tried in a transaction that is rolled back, and only a file without a bad row is written, in one
 * transaction; with atomic=false each good row is written in its own.
 */
@ApplicationScoped
public class TargetImport {

    static final String XLSX = XlsxSheet.XLSX;
    static final int MAX_ROWS = 5000;

    /** The columns: field name first, then the Chinese titles a 目标表 uses. */
    private enum Col {

        INDICATOR_CODE("indicatorCode", "指标代码"), ORG_UNIT_CODE("orgUnitCode", "单位代码"), PERIOD("period", "期间",
                "年度"), VALUE("value", "目标值"), BASELINE_PERIOD("baseline.period", "基线期间"), BASELINE_VALUE(
                        "baseline.value",
                        "基线值"), TOLERANCE("tolerance", "容差"), TITLE("title", "标题", "目标"), LEAD_UNIT("leadUnit", "责任单位",
                                "责任股室", "牵头单位"), CO_UNITS("coUnits", "协办单位", "配合单位"), RESPONSIBLE("responsible", "责任人");

        final String field;
        final List<String> titles;

        Col(String field, String... titles) {
            this.field = field;
            this.titles = List.of(titles);
        }

        static Col byField(String field) {
            return Arrays.stream(values()).filter(c -> c.field.equals(field)).findFirst().orElseThrow();
        }
    }

    private static final List<ColumnTable.Column> COLUMNS = Arrays.stream(Col.values())
            .map(c -> new ColumnTable.Column(c.field, false, c.titles)).toList();

    /** One row as text, and its position (0-based data row, or index in the JSON array). */
    private record Row(long index, Map<Col, String> cells, FieldError unreadable) {
    }

    /** What the resource answers. */
    public record Outcome(int status, ImportSummary summary) {
    }

    @Inject
    TargetService targets;

    @Inject
    Access access;

    @Inject
    Bodies bodies;

    @Inject
    ZhibiaoConfig config;

    @Inject
    ObjectMapper mapper;

    public Outcome run(String contentType, InputStream body, boolean dryRun, boolean atomic) {
        access.checkWrite(Area.TARGETS);
        List<Row> rows = read(contentType, body);
        long started = System.nanoTime();
        // First pass: every row tried alone and rolled back, so that each bad row is named with its own reason.
        Map<Long, FieldError> problems = new LinkedHashMap<>();
        Map<String, Long> seen = new LinkedHashMap<>();
        for (Row row : rows) {
            problem(row, true).ifPresent(p -> problems.put(row.index(), p));
            String key = row.cells().get(Col.INDICATOR_CODE) + "|" + row.cells().get(Col.ORG_UNIT_CODE) + "|"
                    + row.cells().get(Col.PERIOD);
            Long first = seen.putIfAbsent(key, row.index());
            if (first != null && !problems.containsKey(row.index())) {
                problems.put(row.index(), new FieldError("period",
                        "row " + first + " of this file already sets this indicator for this unit and period"));
            }
        }
        long created = 0;
        if (!dryRun && !(atomic && !problems.isEmpty())) {
            if (atomic) {
                // Checked row by row a moment ago; a writer that set one of these targets since makes this a 409.
                QuarkusTransaction.requiringNew().run(() -> rows.forEach(r -> targets.create(request(r))));
                created = rows.size();
            } else {
                for (Row row : rows) {
                    if (!problems.containsKey(row.index())) {
                        Optional<FieldError> p = problem(row, false);
                        if (p.isPresent()) {
                            problems.put(row.index(), p.get());
                        } else {
                            created++;
                        }
                    }
                }
            }
        }
        boolean failed = atomic && !problems.isEmpty();
        List<ImportSummary.Conflict> conflicts = new ArrayList<>();
        for (Row row : rows) {
            FieldError p = problems.get(row.index());
            if (p != null && conflicts.size() < config.imports().maxConflicts()) {
                conflicts.add(new ImportSummary.Conflict(row.index(), p.field(), cell(row, p.field()),
                        "validation_failed", p.message()));
            }
        }
        ImportSummary.Status status = failed
                ? ImportSummary.Status.ERROR
                : problems.isEmpty() ? ImportSummary.Status.SUCCESS : ImportSummary.Status.WARNING;
        ImportSummary summary = new ImportSummary(status, dryRun, atomic, rows.size(), failed || dryRun ? 0 : created,
                0, 0, problems.size(), 0, conflicts);
        Log.infof("Target import by %s: %d rows in %d ms, %d created, %d rejected%s", access.actor(), rows.size(),
                (System.nanoTime() - started) / 1_000_000, summary.created(), problems.size(),
                dryRun ? " (dry run)" : failed ? " (nothing written)" : "");
        return new Outcome(failed ? 409 : 200, summary);
    }

    /** Creates the row in a transaction of its own (rolled back when {@code tryOnly}); its problem, if any. */
    private Optional<FieldError> problem(Row row, boolean tryOnly) {
        if (row.unreadable() != null) {
            return Optional.of(row.unreadable());
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                targets.create(request(row));
                if (tryOnly) {
                    throw new RolledBack();
                }
            });
            return Optional.empty();
        } catch (RolledBack e) {
            return Optional.empty();
        } catch (ValidationFailed e) {
            return Optional.of(e.errors().get(0));
        } catch (ApiException e) {
            return Optional.of(new FieldError(null, e.getMessage()));
        }
    }

    private static TargetRequest request(Row row) {
        Map<Col, String> c = row.cells();
        String basePeriod = c.get(Col.BASELINE_PERIOD);
        String baseValue = c.get(Col.BASELINE_VALUE);
        return new TargetRequest(c.get(Col.INDICATOR_CODE), c.get(Col.ORG_UNIT_CODE), c.get(Col.PERIOD),
                number(c.get(Col.VALUE), "value"), number(c.get(Col.TOLERANCE), "tolerance"),
                basePeriod == null && baseValue == null
                        ? null
                        : new PeriodValue(basePeriod, number(baseValue, "baseline.value")),
                List.of(), null, c.get(Col.TITLE), null, null, c.get(Col.LEAD_UNIT), coUnits(c.get(Col.CO_UNITS)),
                c.get(Col.RESPONSIBLE));
    }

    /** 协办单位 in one cell, as a plan writes them: 教研室、招生办 (also separated by ，,;；). */
    static List<String> coUnits(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        return Arrays.stream(cell.split("[、，,;；]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static BigDecimal number(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new ValidationFailed(field, "'" + text + "' is not a number");
        }
    }

    private static String cell(Row row, String field) {
        if (field == null) {
            return null;
        }
        for (Col col : Col.values()) {
            if (col.field.equals(field)) {
                return row.cells().get(col);
            }
        }
        return null;
    }

    private List<Row> read(String contentType, InputStream body) {
        Path spooled = bodies.spool(body, config.security().maxBodyBytes());
        try {
            if (!contentType.startsWith("text/csv") && !contentType.startsWith(XLSX)) {
                return json(spooled);
            }
            var layout = new ColumnTable.Layout(COLUMNS, List.of("indicatorCode", "orgUnitCode", "period", "value"),
                    header(), MAX_ROWS, "a target import holds at most " + MAX_ROWS + " rows; split the file");
            return ColumnTable.read(contentType, spooled, layout, config.imports()).stream().map(r -> {
                Map<Col, String> cells = new LinkedHashMap<>();
                r.cells().forEach((field, text) -> cells.put(Col.byField(field), text));
                return new Row(r.index(), cells, r.unreadable());
            }).toList();
        } catch (IOException e) {
            throw new UnreadableBody(e);
        } finally {
            Bodies.delete(spooled);
        }
    }

    private static String header() {
        return "指标代码,单位代码,期间,目标值,基线期间,基线值,容差,标题 (or indicatorCode,orgUnitCode,period,value,"
                + "baseline.period,baseline.value,tolerance,title)";
    }

    private List<Row> json(Path spooled) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(spooled)) {
            root = mapper.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ValidationFailed(null, "the body is not valid JSON: " + Texts.firstLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject() || !root.path("targets").isArray()) {
            throw new ValidationFailed("targets", "expected {\"targets\": [{\"indicatorCode\", \"orgUnitCode\", "
                    + "\"period\", \"value\", \"baseline\", \"tolerance\", \"title\"}, ...]}");
        }
        List<Row> read = new ArrayList<>();
        long index = 0;
        for (JsonNode node : root.get("targets")) {
            long i = index++;
            Map<Col, String> text = new LinkedHashMap<>();
            FieldError unreadable = node.isObject() ? null : new FieldError(null, "each row must be an object");
            for (Col col : Col.values()) {
                JsonNode value = col.field.startsWith("baseline.")
                        ? node.path("baseline").get(col.field.substring(9))
                        : node.get(col.field);
                if (value != null && !value.isNull()) {
                    text.put(col, value.asText());
                }
            }
            add(read, new Row(i, text, unreadable));
        }
        return read;
    }

    private static void add(List<Row> rows, Row row) {
        if (rows.size() == MAX_ROWS) {
            throw new ValidationFailed(null, "a target import holds at most " + MAX_ROWS + " rows; split the file");
        }
        rows.add(row);
    }

    /** Ends a transaction that only tried the rows. */
    private static final class RolledBack extends RuntimeException {

        RolledBack() {
            super(null, null, false, false);
        }
    }
}
