package io.zhibiao.plan;

import io.zhibiao.plan.FigureScanner.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One figure set for several measures at once: 小学入学率、巩固率、毕业率均保持100%, 普惠性幼儿园数、在园幼儿数分别占总数80%以上
 * — a list of measures joined by 、, then 均 or 分别, then a single figure; or one count for several things (创建省级书香
 *校园、乡村温馨校园各2所: two of each) — a list of things, then 各 and the count. Each is a target of its own with that
 * figure (the list's first item keeps what stands before it: 小学入学率). Plain Java, no state.
 */
final class SharedFigures {

    /** 均 or 分别, then at most a few words of the goal (保持, 达到, 占总数, 不低于) before the figure. */
    private static final Pattern EACH = Pattern.compile("(均|分别|各)([\\u4e00-\\u9fa5]{0,6})$");

    /** A thing counted, in a list before 各 and its count: not a unit each has one of (各乡镇、街道各1所). */
    private static final Pattern THING = Pattern.compile("(?![各每])[\\u4e00-\\u9fa5]{2,15}");

    /**
     * An item that is a measure of its own: it ends as a rate, a count or a share does. 视力、龋齿筛查率 (one suffix for
     * both) and 各县（市、区） are no such list.
     */
    private static final Pattern MEASURE = Pattern.compile(".*(?:率|数|比|比例|占比|指数|系数|面积|时长|总量|规模)");

    private SharedFigures() {
    }

    /** Whether a name ends as a measure does (入学率, 在园幼儿数, 占比): a rate, a count, a share. */
    static boolean namesAMeasure(String name) {
        return MEASURE.matcher(name).matches();
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
        // 各 counts things (各2所), right before a count: 各达90% or 各建 are other words
        boolean counted = each.group(1).equals("各");
        if (counted && (!each.group(2).isEmpty() || f.unit() == null || f.unit().equals("%"))) {
            return List.of(draft);
        }
        Pattern item = counted ? THING : MEASURE;
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
            String name = CandidateNames.hanOnly(items[k]);
            if (name.length() > 15 || !item.matcher(name).matches() || !rest.endsWith(name)
                    || rest.length() == name.length()) {
                return List.of(draft);
            }
            names.add(0, name);
            rest = rest.substring(0, rest.length() - name.length());
        }
        if (!item.matcher(rest).matches()) {
            return List.of(draft);
        }
        names.add(0, rest);
        List<Draft> drafts = new ArrayList<>();
        for (String name : names) {
            Draft one = draft.copy();
            one.name = name;
            one.notes.add("one figure given to " + names.size() + (counted ? " things (" : " measures (")
                    + each.group(1) + "): " + String.join("、", names));
            drafts.add(one);
        }
        return drafts;
    }
}
