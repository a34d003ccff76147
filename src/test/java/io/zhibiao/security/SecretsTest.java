package io.zhibiao.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void aHashIsTheHexSha256OfTheSecretsUtf8Bytes() {
        assertThat(Secrets.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Secrets.hash("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Secrets.hash("指标")).isEqualTo(Secrets.hash("指标"));
    }

    @Test
    void threadsHashingAtOnceGetTheSameAnswers() {
        List<String> hashes = IntStream.range(0, 20_000).parallel().mapToObj(i -> Secrets.hash("zb_secret")).toList();
        assertThat(hashes).containsOnly(Secrets.hash("zb_secret"));
    }
}
