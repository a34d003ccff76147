package io.zhibiao.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
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
    void aPrintfRecordStaysPrintf() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "%s stopped in %ss", ExtLogRecord.FormatStyle.PRINTF,
                LogEscapingTest.class.getName());
        record.setParameters(new Object[]{"zhibiao\n", "0.1"});
        new LogEscaping().isLoggable(record);
        assertThat(record.getFormattedMessage()).isEqualTo("zhibiao\\n stopped in 0.1s");
    }

    @Test
    void plainTextIsLeftAsItIs() {
        assertThat(LogEscaping.escape("县教育局 2025-03 ok")).isEqualTo("县教育局 2025-03 ok");
        assertThat(LogEscaping.escape(null)).isNull();
    }
}
