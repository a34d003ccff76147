package io.zhibiao.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogEscapingTest {

    @Test
    void controlCharactersInMessagesAndParametersAreEscaped() {
        LogRecord record = new LogRecord(Level.INFO, "token %s\nINFO forged");
        record.setParameters(new Object[]{"x\r\nINFO admin logged in\u001b[31m\u202e", 5});
        new LogEscaping().isLoggable(record);
        assertThat(record.getMessage()).isEqualTo("token %s\\nINFO forged");
        assertThat(record.getParameters()).containsExactly("x\\r\\nINFO admin logged in\\u001B[31m\\u202E", 5);
    }

    @Test
    void plainTextIsLeftAsItIs() {
        assertThat(LogEscaping.escape("县教育局 2025-03 ok")).isEqualTo("县教育局 2025-03 ok");
        assertThat(LogEscaping.escape(null)).isNull();
    }
}
