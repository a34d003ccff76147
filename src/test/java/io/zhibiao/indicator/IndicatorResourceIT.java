package io.zhibiao.indicator;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same API tests against the packaged application. */
@QuarkusIntegrationTest
class IndicatorResourceIT extends IndicatorResourceTest {
}
