package io.zhibiao.target;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same API tests against the packaged application. */
@QuarkusIntegrationTest
class ProgressResourceIT extends ProgressResourceTest {
}
