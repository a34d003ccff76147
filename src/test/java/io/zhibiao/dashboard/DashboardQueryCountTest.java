package io.zhibiao.dashboard;

import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * The dashboard must not issue a query per target: its statement count is the same for 2 and for 20
 * targets.
 */
@QuarkusTest
class DashboardQueryCountTest {

    @Inject
    SessionFactory sessionFactory;

    private String countyWithTargets(int n) {
        String county = county();
        for (int i = 0; i < n; i++) {
            String indicator = anIndicator().create();
            aTarget().forIndicator(indicator).at(county).value("100").milestone("2025-H1", "50").create();
            put(indicator, county, "2025-01", "10");
        }
        return county;
    }

    private long statementsFor(String county) {
        var statistics = sessionFactory.getStatistics();
        statistics.clear();
        json().queryParam("orgUnit", county).queryParam("period", "2025").queryParam("asOf", "2025-06")
                .get("/api/v1/dashboard").then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }

    @Test
    void dashboardQueriesDoNotGrowWithTargets() {
        long small = statementsFor(countyWithTargets(2));
        long large = statementsFor(countyWithTargets(20));
        assertThat(large).as("statements for 20 targets vs 2 (%d)", small).isEqualTo(small);
        // Statements through Hibernate: targets (with indicators and units), milestones, the subtree, who ever
        // reported (only series without figures in the span), the scope check of the org unit. The data version and
        // the figures are read with plain JDBC, one statement each, whatever the number of targets.
        assertThat(small).isLessThanOrEqualTo(6);
    }
}
