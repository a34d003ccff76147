package io.zhibiao.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogue behind Accept-Language: zh-CN: every problem code has a Chinese title, every template is sound. */
class MessagesTest {

    private static final Pattern RAISED = Pattern.compile(
            "(?:super\\(\\d{3}, |problem\\(ctx, \\d{3}, |Problem\\.of\\(\\s*\\d{3}, |respond\\(\\d{3}, |case \\d{3} -> )\"([a-z_]+)\"");
    private static final Pattern SLOT = Pattern.compile("\\{(\\d)}");
    private final Messages zh = Messages.chinese();

    @Test
    void everyProblemCodeRaisedAnywhereHasAChineseTitle() throws IOException {
        Set<String> raised = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = RAISED.matcher(Files.readString(file));
                while (m.find()) {
                    raised.add(m.group(1));
                }
            }
        }
        assertThat(raised).contains("validation_failed", "not_found", "uri_too_long", "request_timeout",
                "method_not_allowed");
        assertThat(zh.codes()).containsAll(raised);
        zh.codes().forEach(code -> assertThat(zh.title(code).orElseThrow()).matches(".*\\p{IsHan}.*"));
    }

    @Test
    void templatesNumberTheirPartsInOrderAndTheChineseUsesOnlyThose() {
        List<String> sources = zh.sources();
        List<String> targets = zh.targets();
        for (int i = 0; i < sources.size(); i++) {
            Matcher m = SLOT.matcher(sources.get(i));
            int expected = 0;
            while (m.find()) {
                assertThat(Integer.parseInt(m.group(1))).as(sources.get(i)).isEqualTo(expected++);
            }
            Matcher used = SLOT.matcher(targets.get(i));
            while (used.find()) {
                assertThat(Integer.parseInt(used.group(1))).as(targets.get(i)).isLessThan(expected);
            }
            assertThat(targets.get(i)).as(sources.get(i)).matches("(?s).*\\p{IsHan}.*");
        }
    }

    @Test
    void partsAreCarriedOverAndTranslatedWhenTheyAreMessagesThemselves() {
        assertThat(zh.message("org unit 'qinghe' does not exist")).isEqualTo("单位“qinghe”不存在");
        assertThat(zh.message("'2025-13' has month 13; months run from 01 to 12"))
                .isEqualTo("“2025-13”的月份是 13；月份为 01 到 12");
        assertThat(zh.message("a CLERK token may not change org units")).isEqualTo("填报员 角色的令牌不能修改单位");
        assertThat(zh.message("something nobody wrote down")).isEqualTo("something nobody wrote down");
    }

    @Test
    void chineseIsChosenOnlyWhenTheCallerPrefersIt() {
        assertThat(Messages.wantsChinese("zh-CN")).isTrue();
        assertThat(Messages.wantsChinese("zh-CN,zh;q=0.9,en;q=0.8")).isTrue();
        assertThat(Messages.wantsChinese("zh")).isTrue();
        assertThat(Messages.wantsChinese("en-US,zh;q=0.5")).isFalse();
        assertThat(Messages.wantsChinese(null)).isFalse();
        assertThat(Messages.wantsChinese("*")).isFalse();
        assertThat(Messages.wantsChinese(";;;")).isFalse();
    }
}
