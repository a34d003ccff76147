package io.zhibiao.security;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void aHashIsTheHexSha256OfTheSecretsUtf8Bytes() {
        assertThat(Secrets.hash("abc"), is("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        assertThat(Secrets.hash(""), is("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertThat(Secrets.hash("指标"), is(Secrets.hash("指标")));
    }

    @Test
    void threadsHashingAtOnceGetTheSameAnswers() {
        List<String> hashes = IntStream.range(0, 20_000).parallel().mapToObj(i -> Secrets.hash("zb_secret")).toList();
        assertThat(hashes, everyItem(is(Secrets.hash("zb_secret"))));
    }
}
