package io.zhibiao.plan;

import io.zhibiao.plan.FigureScanner.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a goal figure of a sentence is called when the words right before it do not say it plainly: the subjects it is
 * set for (the candidate's org unit, paired in order with 分别), the names of a list given 分别 earlier, the noun a list of
 * qualified figures shares (2个省级、3个市级劳动教育基地), what a counted list of schools names (甲小学等5所学校…竣工), the
 * rate a 其中 part belongs to, and the subject of the clause before. Positions are relative to the sentence start; the
 * drafts are the sentence's candidates so far.
 */
final class FigureNames {

    private final PlanText plan;
    private final Clauses clauses;
    private final SentenceTimes times;
    private final List<Draft> drafts;
    private final String s;
    private final int offset;

    FigureNames(PlanText plan, Clauses clauses, SentenceTimes times, List<Draft> drafts, int offset) {
        this.plan = plan;
        this.clauses = clauses;
        this.times = times;
        this.drafts = drafts;
        this.s = clauses.text();
        this.offset = offset;
    }

    /**
     * 学历比例达到88%（其中初中达到95%）: a rate after 其中 named only by a group is the rate of that group, named after
     * the rate before it.
     */
    String partOfTheRateBefore(String words, Figure f) {
        if (!"%".equals(f.unit()) || drafts.isEmpty() || !"%".equals(drafts.get(drafts.size() - 1).figure.unit())) {
            return null;
        }
        String group = groupAfterWhich(words);
        String part = group == null ? null : CandidateNames.name(group, "", false);
        if (part == null || part.length() > 6 || GoalRules.RATE_BEFORE.matcher(part).find()) {
            return null;
        }
        Draft previous = drafts.get(drafts.size() - 1);
        return previous.measure != null ? previous.measure : previous.name;
    }

    private static final Pattern BRACKETS_AND_BLANKS = Pattern.compile("[()（）\\s]");
    /** What joins the items of a list: 、和及与. */
    private static final Pattern LIST_JOINS = Pattern.compile("[、和及与]");

    /** The words after 其中, without brackets; null when the words do not start with 其中. */
    static String groupAfterWhich(String words) {
        String part = BRACKETS_AND_BLANKS.matcher(words).replaceAll("");
        return part.startsWith("其中") ? part.substring(2) : null;
    }

    /**
     * The words that name the figure once its subjects (the schools it is set for) are taken off;
     * the subject goes to the candidate's org unit. With 分别 ({@code respectively} ≥ 0) the subjects
     * pair with the figures in order.
     */
    String nameAndSubject(Draft b, List<Figure> figures, int index, int nameFrom, int nameTo, int respectively,
            int clauseEnd) {
        Figure f = figures.get(index);
        boolean paired = respectively >= 0;
        String words = clauses.nameWords(nameFrom, nameTo);
        List<String> subjects = new ArrayList<>();
        Matcher subject = (paired ? CandidateNames.ONLY_SUBJECTS : CandidateNames.SUBJECTS).matcher(words);
        if (paired && !subject.find()) {
            subject = CandidateNames.SUBJECTS.matcher(words);
        } else if (paired) {
            subject.reset();
        }
        if (subject.find()) {
            for (String part : LIST_JOINS.split(subject.group(1))) {
                subjects.add(part);
            }
            words = words.substring(subject.end());
        }
        if (paired && words.isEmpty()) {
            // 实验小学、城南小学分别新增学位180个、240个, …，分别新增学位4.68万和7000个: the name follows 分别 (where it
            // names more than a verb: 2020年分别达到98%、99% takes the names of the list before)
            int firstInGroup = figures.stream().filter(g -> g.start() > respectively).findFirst().orElse(f).start();
            String after = clauses.nameWords(respectively + 2, firstInGroup);
            if (!subjects.isEmpty() || !CandidateNames.hanOnly(after).isEmpty() && !CandidateNames.onlyAVerb(after)) {
                words = after;
            }
        }
        if (paired) {
            int position = 0;
            for (int k = 0; k < index; k++) {
                if (figures.get(k).start() > respectively && figures.get(k).unitEnd() <= clauseEnd) {
                    position++;
                }
            }
            long inGroup = figures.stream().filter(g -> g.start() > respectively && g.unitEnd() <= clauseEnd).count();
            String[] names = words.split("、");
            if (names.length != inGroup) {
                names = LIST_JOINS.split(words); // 毛入园率、巩固率和毛入学率分别达到…
            }
            if (subjects.isEmpty() && CandidateNames.hanOnly(GoalRules.YEAR.matcher(words).replaceAll("")).isEmpty()) {
                // …分别达到90%、99%、92%；2020年分别达到98%、99%、95%: the names of the sentence's list before
                String[] before = namesOfAnEarlierList(clauses.clauseStart(f.start()), inGroup);
                if (before != null) {
                    names = before;
                    words = String.join("、", before);
                }
            }
            if (subjects.size() == inGroup) {
                b.orgUnitName = subjects.get(position);
            } else if (subjects.isEmpty() && names.length == inGroup) {
                words = pairedName(names, position); // 毛入园率、普惠率分别达到92%、85%: the names pair with the figures
            } else if (inGroup > 1) {
                b.notes.add("one of " + inGroup + " figures given 分别 (respectively); check the name");
                b.confidence -= 0.2;
            }
        } else if (subjects.size() == 1) {
            b.orgUnitName = subjects.get(0);
        } else if (subjects.size() > 1) {
            b.notes.add("the sentence names " + subjects.size() + " units: " + String.join("、", subjects));
            b.confidence -= 0.2;
        }
        return words;
    }

    /** The measure a list's last item names (…儿童死亡率): two characters and 率. */
    private static final Pattern LAST_MEASURE = Pattern.compile("[\\u4e00-\\u9fa5]{2}率$");

    /**
     * The name of the item at {@code position} of a list paired with figures by 分别: the item itself, or, when only
     * the last item names the measure (新生儿、婴儿和5岁以下儿童死亡率分别保持在3‰、4‰和5‰以下), an earlier item with that
     * measure (新生儿死亡率).
     */
    private static String pairedName(String[] names, int position) {
        String name = names[position];
        String bare = CandidateNames.hanOnly(name);
        Matcher measure = LAST_MEASURE.matcher(CandidateNames.hanOnly(names[names.length - 1]));
        if (position == names.length - 1 || !measure.find() || bare.isEmpty() || bare.length() > 6
                || SharedFigures.namesAMeasure(bare)) {
            return name;
        }
        return name + measure.group();
    }

    /**
     * The names of the nearest list given 分别 earlier in the sentence, when it names {@code count} measures: a later
     * clause that only gives its year and figures (2020年分别达到…) reads them in the same order.
     */
    private String[] namesOfAnEarlierList(int clauseStart, long count) {
        int earlier = clauseStart > 0 ? s.lastIndexOf("分别", clauseStart - 1) : -1;
        String list;
        if (earlier >= 0) {
            list = clauses.nameWords(clauses.clauseStart(earlier), earlier);
        } else {
            // or in the sentence before, on the same line (…分别达到90%、99%；2020年分别达到98%、99%)
            String before = plan.normal(Math.max(0, offset - 300), offset);
            before = before.substring(before.lastIndexOf('\n') + 1);
            earlier = before.lastIndexOf("分别");
            if (earlier < 0) {
                return null;
            }
            int from = earlier;
            while (from > 0 && "，,；;。：:".indexOf(before.charAt(from - 1)) < 0) {
                from--;
            }
            list = before.substring(from, earlier);
        }
        String[] names = LIST_JOINS.split(list);
        if (names.length != count) {
            return null;
        }
        for (int k = 0; k < names.length; k++) {
            names[k] = CandidateNames.hanOnly(GoalRules.YEAR.matcher(names[k]).replaceAll(""));
            if (names[k].isEmpty()) {
                return null;
            }
        }
        return names;
    }

    /**
     * 学生近视率较上年下降1个百分点，控制在48%以内: a clause that names nothing goes on with the subject of the clause
     * before it, when that clause has no figure of its own (its comparison is the baseline, not a figure).
     */
    String subjectOfPreviousClause(List<Figure> figures, int clauseStart, Figure f) {
        if (clauseStart == 0) {
            return null;
        }
        int previousStart = clauses.clauseStart(clauseStart - 1);
        if (figures.stream().anyMatch(g -> g != f && g.start() >= previousStart && g.start() < clauseStart)) {
            // 确保本科上线率达到80%，力争达到82%: a second level of the same measure
            Draft previous = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
            boolean aims = GoalRules.AIMED.matcher(clauses.nameWords(clauseStart, f.start())).find();
            return previous != null && aims && previous.figure.start() >= previousStart
                    && Objects.equals(previous.figure.unit(), f.unit()) ? previous.name : null;
        }
        return CandidateNames.name(clauses.nameWords(previousStart, clauseStart - 1), "",
                f.unit() != null && f.unit().endsWith("元"));
    }

    /**
     * 争创2个省级、3个市级劳动教育基地: figures listed with a qualifier each share the noun after the last one. The name of
     * a figure whose qualifier is followed by the list's next figure, or null.
     */
    String sharedNoun(List<Figure> figures, int index, String post, int clauseEnd) {
        Matcher item = GoalRules.QUALIFIER_ITEM.matcher(post);
        if (!item.lookingAt()) {
            return null;
        }
        String noun = null;
        for (int k = index + 1; k < figures.size() && figures.get(k).unitEnd() <= clauseEnd; k++) {
            Matcher last = GoalRules.QUALIFIED_NOUN.matcher(s.substring(figures.get(k).unitEnd(), clauseEnd));
            if (last.lookingAt()) {
                noun = CandidateNames.hanOnly(last.group(2));
            }
        }
        return noun == null || noun.length() < 2 ? null : item.group(1) + noun;
    }

    /** 申报国家级1个、省级2个特色项目: the qualifier comes before each figure, the noun after the last one. */
    String sharedNounAfterQualifier(List<Figure> figures, int index, int from, String post, int clauseEnd) {
        Matcher qualifier = GoalRules.QUALIFIER_BEFORE.matcher(clauses.nameWords(from, figures.get(index).start()));
        if (!qualifier.find()) {
            return null;
        }
        Figure last = figures.get(index);
        for (int k = index + 1; k < figures.size() && figures.get(k).unitEnd() <= clauseEnd; k++) {
            last = figures.get(k);
        }
        boolean listed = last != figures.get(index)
                ? post.stripLeading().startsWith("、")
                : index > 0 && figures.get(index - 1).unitEnd() > clauses.clauseStart(figures.get(index).start());
        Matcher noun = GoalRules.SHARED_NOUN.matcher(s.substring(last.unitEnd(), clauseEnd));
        if (!listed || !noun.lookingAt()) {
            return null;
        }
        String shared = CandidateNames.hanOnly(noun.group(1));
        return shared.length() < 2 ? null : qualifier.group(1) + shared;
    }

    /**
     * A count of the things a list names (甲小学、乙幼儿园6所学校…, 甲小学等5所学校…) whose clause says what happens to
     * them (开复工, 竣工, 招生办学) — in a schedule, or after a goal cue: the name is what follows the figure. Null when
     * the figure is not such a count.
     */
    String countedList(int from, Figure f, String post) {
        String before = clauses.nameWords(from, f.start());
        if (f.chinese() || before.isEmpty() || !(before.contains("、") || before.endsWith("等"))) {
            return null;
        }
        if (times.schedule() == null
                && !GoalRules.GOAL_CUE.matcher(clauses.unconsumed(clauses.clauseStart(f.start()), f.start())).find()) {
            return null;
        }
        String after = CandidateNames.hanOnly(post);
        Matcher done = GoalRules.COMPLETION.matcher(after);
        if (!done.find() || done.start() == 0 || done.start() > 12) {
            return null;
        }
        return after.length() > 20 ? after.substring(0, 20) : after;
    }

}
