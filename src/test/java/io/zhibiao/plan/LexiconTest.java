package io.zhibiao.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one lexicon of cue words: every role the rules read is there, and the rules read it. */
class LexiconTest {

    @Test
    void everyRoleTheRulesReadIsThereWithWords() {
        assertThat(Lexicon.roles()).containsKeys("goal verb", "verb after a count", "aim", "not a goal", "shift",
                "list a measure joins", "aim in progress", "inserted noise", "becoming", "awarded", "planned",
                "report heading", "goal heading", "summary heading", "spun word", "verb naming its object",
                "verb in the name", "filler after a name");
        assertThat(Lexicon.roles().values())
                .allSatisfy(words -> assertThat(words).isNotEmpty().doesNotHaveDuplicates());
    }

    @Test
    void theRulesAreBuiltFromIt() {
        assertThat(GoalRules.GOAL_CUE.matcher("全年新建学校3所").find()).isTrue();
        assertThat(GoalRules.NOT_A_GOAL.matcher("去年新建学校3所").find()).isTrue();
        assertThat(Lexicon.alternation("goal verb")).startsWith("达到|达|");
        assertThat(GoalRules.BECOMING.matcher("6所小学创立为文明校园").replaceFirst("")).isEqualTo("文明校园");
        assertThat(CandidateNames.onlyAVerb("提质")).isTrue(); // names: [verb naming its object]
        assertThat(CandidateNames.onlyAVerb("新建成")).isTrue(); // [verb in the name]
        assertThat(CandidateNames.onlyAVerb("食堂")).isFalse();
        assertThatThrownBy(() -> Lexicon.alternation("no such role")).hasMessageContaining("no role");
    }

    @Test
    void anAlternationsOpeningCharactersGuardIt() {
        // every word opens on a character of the class, each character once
        String opening = Lexicon.openingClass(Lexicon.alternation("filler after a name"));
        assertThat(opening).startsWith("[").endsWith("]").contains("达", "提", "≥", "<");
        assertThat(Lexicon.roles().get("filler after a name"))
                .allSatisfy(word -> assertThat(opening).contains(word.substring(0, 1)));
        assertThat(opening.chars().distinct().count()).isEqualTo(opening.length());
        assertThat(Lexicon.openingClass(Lexicon.alternation("inserted noise"))).isEqualTo("[澳]");
        assertThat(GoalRules.words("开工|完成|开复工").pattern()).isEqualTo("(?=[开完])(?:开工|完成|开复工)");
        assertThatThrownBy(() -> Lexicon.openingClass("达到|(?:19|20)年")).hasMessageContaining("opens on a pattern");
    }
}
