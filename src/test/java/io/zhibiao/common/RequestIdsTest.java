package io.zhibiao.common;

import static org.assertj.core.api.Assertions.assertThat;

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
            assertThat(uuid.version()).as(id).isEqualTo(4);
            assertThat(uuid.variant()).as(id).isEqualTo(2);
            assertThat(uuid.toString()).as(id).isEqualTo(id);
            assertThat(seen.add(id)).as(id).isEqualTo(true);
        }
    }
}
