package io.zhibiao.plan;

import io.zhibiao.plan.FigureScanner.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One figure set for several measures at once: 小学入学率、巩固率、毕业率均保持100%, 普惠性幼儿园数、在园幼儿数分别占总数80%以上
 * — a list of measures joined by 、, then 均 or 分别, then a single figure. Each measure is a target of its own with that
 * figure (the list's first item keeps what stands before it: 小学入学率). Plain Java, no state.
 */
final class SharedFigures {

    /** 均 or 分别, then at most a few words of the goal (保持, 达到, 占总数, 不低于) before the figure. */
    private static final Pattern EACH = Pattern.compile("(均|分别)([\\u4e00-\\u9fa5]{0,6})$");

    /**
     * An item that is a measure of its own: it ends as a rate, a count or a share does. 视力、龋齿筛查率 (one suffix for
     * both) and 各县（市、区） are no such list.
     */
    private static final Pattern MEASURE = Pattern.compile(".*(?:率|数|比|比例|占比|指数|系数|面积|时长|总量|规模)");

    private SharedFigures() {
    }

    /**
     * The drafts {@code draft} stands for: one per measure when its figure is the only one of its clause after a list
     * of measures and 均 or 分别; otherwise {@code draft} alone.
     */
    static List<Draft> each(Draft draft, String s, Clauses clauses, List<Figure> figures) {
        Figure f = draft.figure;
        int clauseStart = clauses.clauseStart(f.start());
        Matcher each = EACH.matcher(s.substring(clauseStart, f.start()).stripTrailing());
        if (draft.name == null || !each.find()) {
            return List.of(draft);
        }
        int listEnd = clauseStart + each.start();
        long inClause = figures.stream()
                .filter(g -> g.start() >= clauseStart && g.start() < clauses.clauseEnd(f.unitEnd())).count();
        String[] items = s.substring(clauseStart, listEnd).split("、");
        if (inClause != 1 || items.length < 2 || items.length > 6) {
            return List.of(draft);
        }
        // The draft's name is the list without its 、 (and without what was taken off its start): the items after the
        // first are found at its end, the first is the rest.
        List<String> names = new ArrayList<>();
        String rest = draft.name;
        for (int k = items.length - 1; k >= 1; k--) {
            String item = CandidateNames.hanOnly(items[k]);
            if (item.length() > 15 || !MEASURE.matcher(item).matches() || !rest.endsWith(item)
                    || rest.length() == item.length()) {
                return List.of(draft);
            }
            names.add(0, item);
            rest = rest.substring(0, rest.length() - item.length());
        }
        if (!MEASURE.matcher(rest).matches()) {
            return List.of(draft);
        }
        names.add(0, rest);
        List<Draft> drafts = new ArrayList<>();
        for (String name : names) {
            Draft one = draft.copy();
            one.name = name;
            one.notes.add("one figure given to " + names.size() + " measures (" + each.group(1) + "): "
                    + String.join("、", names));
            drafts.add(one);
        }
        return drafts;
    }
}
