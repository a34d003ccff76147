package io.zhibiao.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class BodyLimitsIT extends BodyLimitsTest {
}
