package io.zhibiao.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same API tests against the packaged application. */
@QuarkusIntegrationTest
class ErrorHandlingIT extends ErrorHandlingTest {
}
