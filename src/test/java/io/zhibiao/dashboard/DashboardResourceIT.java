package io.zhibiao.dashboard;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same API tests against the packaged application. */
@QuarkusIntegrationTest
class DashboardResourceIT extends DashboardResourceTest {
}
