package io.zhibiao.plan;

import io.zhibiao.progress.Direction;
import io.zhibiao.progress.ValueType;
import io.zhibiao.target.PeriodValue;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A target the extractor believes the plan sets, for a planner to review. */
@Schema(name = "Candidate", description = "A candidate target found in plan text")
public record Candidate(
        @Schema(description = "The measured thing, without verbs and filler", example = "本科上线率") String name,
        @Schema(example = "68") BigDecimal value,
        @Schema(description = "As written in the plan (%, 人, 所, 亿元 …); null for zero targets such as 清零",
                example = "%") String unit,
        @Schema(example = "PERCENT") ValueType valueType, @Schema(example = "INCREASE") Direction direction,
        @Schema(description = "The plan year, or a range for multi-year targets (三年内 → 2026/2028)",
                example = "2026") String period,
        @Schema(description = "Starting point the sentence states, if any") PeriodValue baseline,
        @Schema(description = "A school or unit named as the subject of the sentence",
                example = "县第一中学") String orgUnitName,
        @Schema(description = "The enclosing section heading, without its numbering", example = "高中教育") String category,
        @Schema(description = "The plan sentence the target comes from",
                example = "本科上线率达到68%，比2025年增加5个百分点") String sentence,
        @Schema(required = true,
                description = "Offset of the figure's first character in the text (Unicode code points)",
                example = "214") int start,
        @Schema(required = true, description = "Offset just after the figure's last character",
                example = "216") int end,
        @Schema(description = "How sure the extractor is, 0–1", example = "0.9") BigDecimal confidence,
        @Schema(description = "What a reviewer should know (a range read as its lower bound, an approximate figure)") String note,
        @Schema(description = "Other places that state the same target (a plan's summary and its detailed section): the "
                + "candidate is the fuller statement, these point at the figure elsewhere") List<Span> alsoAt,
        @Schema(description = "责任单位/股室 as the plan names it after the task (（责任股室：…）, 责任单位：…, 牵头单位：…)",
                example = "基础教育股") String leadUnit) {

    /** A figure's place in the text, in Unicode code points. */
    @Schema(name = "TextSpan")
    public record Span(@Schema(example = "40") int start, @Schema(example = "44") int end) {
    }

    /** The same candidate, stated again at {@code elsewhere}. */
    Candidate alsoAt(List<Span> elsewhere) {
        return new Candidate(name, value, unit, valueType, direction, period, baseline, orgUnitName, category, sentence,
                start, end, confidence, note, elsewhere, leadUnit);
    }

    /** The same candidate for another period (a school year rather than the calendar year). */
    Candidate withPeriod(String other) {
        return new Candidate(name, value, unit, valueType, direction, other, baseline, orgUnitName, category, sentence,
                start, end, confidence, note, alsoAt, leadUnit);
    }

    /** The same candidate with the unit the plan makes responsible for it. */
    Candidate withLeadUnit(String unit) {
        return new Candidate(name, value, this.unit, valueType, direction, period, baseline, orgUnitName, category,
                sentence, start, end, confidence, note, alsoAt, unit);
    }
}
