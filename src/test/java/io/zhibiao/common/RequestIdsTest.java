package io.zhibiao.common;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void idsAreDistinctRandomUuidsInTheUsualForm() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = RequestIds.newId();
            UUID uuid = UUID.fromString(id);
            assertThat(id, uuid.version(), is(4));
            assertThat(id, uuid.variant(), is(2));
            assertThat(id, uuid.toString(), is(id));
            assertThat(id, seen.add(id), is(true));
        }
    }
}
