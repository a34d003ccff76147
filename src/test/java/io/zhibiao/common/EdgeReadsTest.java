package io.zhibiao.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EdgeReadsTest {

    @Test
    void onlyAcceptsThatTakeJsonAreAnsweredAtTheEdge() {
        for (String accept : new String[]{null, "", "*/*", "application/json", "text/html, application/*;q=0.5",
                "application/json;q=0.9, text/plain", "APPLICATION/JSON"}) {
            assertThat(EdgeReads.acceptsJson(accept)).as(accept).isEqualTo(true);
        }
        for (String accept : new String[]{"application/xml", "text/csv", "application/json;q=0", "*/*; q=0.0",
                "application/problem+json", "text/*"}) {
            assertThat(EdgeReads.acceptsJson(accept)).as(accept).isEqualTo(false);
        }
    }
}
