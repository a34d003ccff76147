package io.zhibiao.security;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The access matrix against the packaged application. */
@QuarkusIntegrationTest
class AccessMatrixIT extends AccessMatrixTest {
}
