package io.zhibiao.plan;

import io.zhibiao.plan.FigureScanner.Figure;
import io.zhibiao.progress.Direction;
import io.zhibiao.target.PeriodValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A candidate under construction: baselines stated by comparison are attached once all of its
 * sentence is read.
 */
final class Draft {

    Figure figure;
    String name;
    /** The measure this one is a group's part of (学历比例 for 学历比例（初中）), or null. */
    String measure;
    Direction direction;
    String period;
    PeriodValue baseline;
    String orgUnitName;
    double confidence;
    List<String> notes = new ArrayList<>();

    /** A draft of the same figure, its fields copied (its notes a list of its own). */
    Draft copy() {
        Draft copy = new Draft();
        copy.figure = figure;
        copy.name = name;
        copy.measure = measure;
        copy.direction = direction;
        copy.period = period;
        copy.baseline = baseline;
        copy.orgUnitName = orgUnitName;
        copy.confidence = confidence;
        copy.notes = new ArrayList<>(notes);
        return copy;
    }
}
