package io.zhibiao.orgunit;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same API tests against the packaged application. */
@QuarkusIntegrationTest
class OrgUnitResourceIT extends OrgUnitResourceTest {
}
