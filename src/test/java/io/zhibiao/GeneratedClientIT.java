package io.zhibiao;

import static io.zhibiao.support.Api.ADMIN_TOKEN;
import static io.zhibiao.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.zhibiao.client.ApiClient;
import io.zhibiao.client.ApiException;
import io.zhibiao.client.ApiResponse;
import io.zhibiao.client.api.ChangesApi;
import io.zhibiao.client.api.DashboardApi;
import io.zhibiao.client.api.IndicatorsApi;
import io.zhibiao.client.api.LocksApi;
import io.zhibiao.client.api.ObservationsApi;
import io.zhibiao.client.api.OrgUnitsApi;
import io.zhibiao.client.api.PlansApi;
import io.zhibiao.client.api.TargetsApi;
import io.zhibiao.client.api.TokensApi;
import io.zhibiao.client.model.AcceptRequest;
import io.zhibiao.client.model.AcceptedTarget;
import io.zhibiao.client.model.AcceptedTargets;
import io.zhibiao.client.model.Aggregation;
import io.zhibiao.client.model.Candidate;
import io.zhibiao.client.model.Change;
import io.zhibiao.client.model.ChangePage;
import io.zhibiao.client.model.Dashboard;
import io.zhibiao.client.model.Direction;
import io.zhibiao.client.model.Extraction;
import io.zhibiao.client.model.Frequency;
import io.zhibiao.client.model.ImportSummary;
import io.zhibiao.client.model.IndicatorRequest;
import io.zhibiao.client.model.Lock;
import io.zhibiao.client.model.LockRequest;
import io.zhibiao.client.model.Observation;
import io.zhibiao.client.model.ObservationBatch;
import io.zhibiao.client.model.ObservationInput;
import io.zhibiao.client.model.OrgUnitRequest;
import io.zhibiao.client.model.OrgUnitType;
import io.zhibiao.client.model.PeriodValue;
import io.zhibiao.client.model.Plan;
import io.zhibiao.client.model.PlanRequest;
import io.zhibiao.client.model.Progress;
import io.zhibiao.client.model.Role;
import io.zhibiao.client.model.Source;
import io.zhibiao.client.model.Target;
import io.zhibiao.client.model.TargetRequest;
import io.zhibiao.client.model.Token;
import io.zhibiao.client.model.TokenRequest;
import io.zhibiao.client.model.ValueType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * An integrator's tour of the packaged service through a Java client generated from the committed
 * openapi/openapi.yaml (openapi-generator, library {@code native}) and nothing else: if the spec cannot serve a
 * generated client — a missing body, a wrong type, a null the schema forbids — this test does not compile or fails.
 */
@QuarkusIntegrationTest
class GeneratedClientIT {

    @TestHTTPResource("/")
    URI service;

    private ApiClient client(Consumer<HttpRequest.Builder> more) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> {
            request.header("Authorization", "Bearer " + ADMIN_TOKEN);
            more.accept(request);
        });
        return client;
    }

    @Test
    void anIntegratorsTourThroughTheGeneratedClient() throws Exception {
        ApiClient client = client(request -> {
        });
        OrgUnitsApi orgUnits = new OrgUnitsApi(client);
        String county = unique("client-county");
        String school = unique("client-school");
        orgUnits.createOrgUnit(new OrgUnitRequest().code(county).name("青禾县").type(OrgUnitType.COUNTY));
        assertThat(orgUnits
                .createOrgUnit(
                        new OrgUnitRequest().code(school).name("青禾一中").type(OrgUnitType.SCHOOL).parentCode(county))
                .getParentCode()).isEqualTo(county);
        assertThat(orgUnits.getOrgUnit(county).getParentCode()).isNull();

        String training = unique("client-training");
        new IndicatorsApi(client).createIndicator(
                new IndicatorRequest().code(training).name("教师培训").unit("人次").valueType(ValueType.INTEGER)
                        .direction(Direction.INCREASE).aggregation(Aggregation.SUM).frequency(Frequency.MONTHLY));
        TargetsApi targets = new TargetsApi(client);
        Target target = targets.createTarget(new TargetRequest().indicatorCode(training).orgUnitCode(county)
                .period("2025").value(new BigDecimal("9200"))
                .baseline(new PeriodValue().period("2024").value(new BigDecimal("8000"))));
        assertThat(target.getBaseline().getValue()).isEqualByComparingTo("8000");

        // Figures with If-Match: the ETag is the revision; a stale one is refused with 412.
        ObservationsApi observations = new ObservationsApi(client);
        observations.putObservation(training, school, "2025-01", new ObservationInput().value(new BigDecimal("800")),
                null);
        ApiResponse<Observation> read = observations.getObservationWithHttpInfo(training, school, "2025-01");
        String etag = read.getHeaders().get("etag").get(0);
        assertThat(etag).isEqualTo("\"1\"");
        assertThat(observations.putObservation(training, school, "2025-01",
                new ObservationInput().value(new BigDecimal("820")).comment("含寒假"), etag).getRevision()).isEqualTo(2);
        assertThatThrownBy(() -> observations.putObservation(training, school, "2025-01",
                new ObservationInput().value(BigDecimal.ONE), etag))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(412));

        // The county's progress rolls up the school's figures.
        Progress progress = targets.getTargetProgress(target.getId(), "2025-01", null);
        assertThat(progress.getActual()).isEqualByComparingTo("820");
        assertThat(progress.getSource()).isEqualTo(Source.ROLLED_UP);
        assertThat(progress.getCoverage().getReporting()).isEqualTo(1);

        // A dashboard polled with If-None-Match: 304 is "not modified", not an error of the tour.
        DashboardApi dashboards = new DashboardApi(client);
        ApiResponse<Dashboard> dashboard = dashboards.getDashboardWithHttpInfo(county, "2025", "2025-01", null, null,
                null, null);
        assertThat(dashboard.getData().getTargets()).hasSize(1);
        String version = dashboard.getHeaders().get("etag").get(0);
        assertThatThrownBy(() -> dashboards.getDashboard(county, "2025", "2025-01", null, null, null, version))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(304));

        // 上报 → 审核 → the county's numbers as reported upward: only approved figures count.
        io.zhibiao.client.api.SubmissionsApi submissions = new io.zhibiao.client.api.SubmissionsApi(client);
        assertThat(dashboards.getDashboard(county, "2025", "2025-01", "approved", null, null, null).getTargets().get(0)
                .getActual()).isNull();
        assertThat(submissions.submitPeriod(school, "2025-01", null).getState().getValue()).isEqualTo("SUBMITTED");
        assertThat(submissions
                .approvePeriod(school, "2025-01", new io.zhibiao.client.model.SubmissionAction().reason("核对无误"))
                .getState().getValue()).isEqualTo("APPROVED");
        assertThat(dashboards.getDashboard(county, "2025", "2025-01", "approved", null, null, null).getTargets().get(0)
                .getActual()).isEqualByComparingTo("820");

        // A CSV batch through its own generated method (the Java generator JSON-encodes a binary body, so the
        // Excel operation is driven by the TypeScript tour instead).
        String csv = "indicatorCode,orgUnitCode,period,value\n" + training + "," + school + ",2025-02,610\n";
        ImportSummary imported = observations.importObservationsCsv(csv, null, null, unique("upload"));
        assertThat(imported.getCreated()).isEqualTo(1);
        ImportSummary json = observations
                .importObservations(
                        new ObservationBatch().observations(List.of(new ObservationInput().indicatorCode(training)
                                .orgUnitCode(school).period("2025-03").value(new BigDecimal("700")))),
                        true, true, null);
        assertThat(json.getDryRun()).isTrue();
        assertThat(json.getCreated()).isEqualTo(1);

        // A plan: its text, the targets read from it, some accepted.
        PlansApi plans = new PlansApi(client);
        String text = "青禾县教育局2026年工作要点\n一、教师队伍\n1.全年完成教师培训9800人次。";
        Extraction extraction = plans.extractTargets(text, 2026);
        assertThat(extraction.getCandidates()).extracting(Candidate::getValue).isNotEmpty();
        Plan plan = plans
                // the query parameters are for a plan sent as a document: none with a JSON plan
                .createPlan(new PlanRequest().orgUnitCode(county).title("青禾县2026年工作要点").period("2026").text(text), null,
                        null, null);
        Candidate candidate = plans.extractPlanTargets(plan.getId()).getCandidates().get(0);
        AcceptedTargets accepted = plans.acceptPlanTargets(plan.getId(),
                new AcceptRequest().targets(List.of(new AcceptedTarget().indicatorCode(training).orgUnitCode(county)
                        .period(candidate.getPeriod()).value(candidate.getValue()).sentence(candidate.getSentence()))));
        assertThat(accepted.getTargets()).hasSize(1);

        // A lock closes the period to writes until it is removed.
        LocksApi locks = new LocksApi(client);
        Lock lock = locks.createLock(new LockRequest().orgUnitCode(county).period("2024"));
        assertThatThrownBy(() -> observations.putObservation(training, school, "2024-12",
                new ObservationInput().value(BigDecimal.TEN), null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        locks.deleteLock(lock.getId());
        observations.putObservation(training, school, "2024-12", new ObservationInput().value(BigDecimal.TEN), null);

        // The changes feed lists what was written, in commit order, page after page.
        List<Change> changes = new ArrayList<>();
        ChangesApi feed = new ChangesApi(client);
        for (ChangePage page = feed.listChanges(500, 0L); !page.getItems().isEmpty(); page = feed.listChanges(500,
                page.getNext())) {
            page.getItems().stream().filter(c -> school.equals(c.getOrgUnitCode())).forEach(changes::add);
        }
        // Figures and the school's submission (上报, then 审核), each kind in commit order.
        assertThat(changes).filteredOn(c -> "OBSERVATION".equals(c.getType().getValue())).extracting(Change::getPeriod)
                .containsExactly("2025-01", "2025-01", "2025-02", "2024-12");
        assertThat(changes).filteredOn(c -> "SUBMISSION".equals(c.getType().getValue()))
                .extracting(c -> c.getOperation().getValue() + " " + c.getPeriod())
                .containsExactly("SUBMIT 2025-01", "APPROVE 2025-01");

        // A token for a viewer of the county, then revoked.
        TokensApi tokens = new TokensApi(client);
        Token viewer = tokens
                .createToken(new TokenRequest().name(unique("client-viewer")).role(Role.VIEWER).orgUnitCode(county));
        assertThat(viewer.getToken()).isNotBlank();
        tokens.revokeToken(viewer.getId());
    }
}
