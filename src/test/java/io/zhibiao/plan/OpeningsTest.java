package io.zhibiao.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Trying a pattern only where its opening characters stand finds exactly what {@code find()} finds. */
class OpeningsTest {

    /** Alternatives opening on a bracket, on a letter after a Han character (a look-behind), on digits. */
    private static final Pattern PATTERN = Pattern
            .compile("[(（][^()（）]{0,6}[)）]|(?<=[\\u4e00-\\u9fa5])[a-z]{1,4}(?=[\\u4e00-\\u9fa5])|\\d{2,}年");
    private static final Openings OPENS = Openings.of("(（", 'a', 'z', '0', '9');

    @Test
    void findsWhatFindFinds() {
        assertThat(OPENS.find(PATTERN, "古浪lang县(读:gu)2025年建成3所"))
                .containsExactlyElementsOf(spans("古浪lang县(读:gu)2025年建成3所"));
        assertThat(OPENS.find(PATTERN, "古浪lang县(读:gu)2025年建成3所")).extracting(span -> span[0] + "-" + span[1])
                .containsExactly("2-6", "7-13", "13-18");
    }

    @Test
    void findsWhatFindFindsOnRandomTexts() {
        // seeded: a failure names the text that reproduces it
        String alphabet = "县古ab(（)）12年 z";
        Random random = new Random(35);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(OPENS.find(PATTERN, text.toString())).as(text.toString())
                    .usingElementComparator((a, b) -> a[0] == b[0] && a[1] == b[1] ? 0 : 1)
                    .containsExactlyElementsOf(spans(text.toString()));
            assertThat(OPENS.foundIn(PATTERN, text.toString())).as(text.toString())
                    .isEqualTo(PATTERN.matcher(text).find());
        }
    }

    @Test
    void knowsItsCharacters() {
        assertThat(OPENS.opens('(')).isTrue();
        assertThat(OPENS.opens('m')).isTrue();
        assertThat(OPENS.opens('县')).isFalse();
        assertThat(Openings.of("", '\uFFF0', '\uFFFF').opens('\uFFFF')).isTrue();
        assertThatThrownBy(() -> Openings.of("", 'a')).hasMessageContaining("pairs");
    }

    private static List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = PATTERN.matcher(text);
        while (m.find()) {
            spans.add(new int[]{m.start(), m.end()});
        }
        return spans;
    }
}
