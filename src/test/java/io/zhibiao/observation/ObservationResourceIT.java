package io.zhibiao.observation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same API tests against the packaged application. */
@QuarkusIntegrationTest
class ObservationResourceIT extends ObservationResourceTest {
}
