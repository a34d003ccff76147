package io.zhibiao.plan;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same API tests against the packaged application. */
@QuarkusIntegrationTest
class PlanResourceIT extends PlanResourceTest {
}
