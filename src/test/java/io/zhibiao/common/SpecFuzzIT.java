package io.zhibiao.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class SpecFuzzIT extends SpecFuzzTest {
}
