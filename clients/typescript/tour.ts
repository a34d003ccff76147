/*
 * An integrator's tour of Zhibiao through the typescript-fetch client generated from openapi/openapi.yaml, unmodified.
 * Every answer is checked against the spec with ajv (JSON Schema 2020-12, formats asserted); a 304 is answered from
 * the client's own ETag cache (a middleware), not caught as an error.
 *
 *   (in clients/typescript) ZHIBIAO_URL=http://localhost:8080 ZHIBIAO_TOKEN=… ZHIBIAO_XLSX=figures.xlsx npm run tour
 *
 * ZHIBIAO_XLSX is a clerk's Excel file with the header indicatorCode,orgUnitCode,period,value and one row
 * (TOUR_INDICATOR, TOUR_SCHOOL, 2025-04, 700), as TypeScriptClientIT writes it.
 */
import { readFileSync } from "node:fs";
import { resolve as resolvePath } from "node:path";
import { strict as assert } from "node:assert";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import {
  ChangesApi,
  Configuration,
  DashboardApi,
  IndicatorsApi,
  LocksApi,
  type Middleware,
  ObservationsApi,
  OrgUnitsApi,
  PlansApi,
  ResponseError,
  SubmissionsApi,
  TargetsApi,
  TokensApi,
} from "../../target/typescript-client";

const base = process.env.ZHIBIAO_URL ?? "http://localhost:8080";
const token = process.env.ZHIBIAO_TOKEN ?? "";
const suffix = process.env.TOUR_SUFFIX ?? String(Date.now());
const county = `ts-county-${suffix}`;
const school = `ts-school-${suffix}`;
const training = process.env.TOUR_INDICATOR ?? `ts-training-${suffix}`;

// ---- every answer against the spec ------------------------------------------------------------------------------
type Json = { [key: string]: any };
const spec: Json = parse(readFileSync(resolvePath(process.env.ZHIBIAO_SPEC ?? "../../openapi/openapi.yaml"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(spec, "spec");
const routes = Object.keys(spec.paths)
  .map((template) => ({
    template,
    pattern: new RegExp("^" + template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}/]+\}/g, "[^/]+") + "$"),
    variables: (template.match(/\{/g) ?? []).length,
  }))
  .sort((a, b) => a.variables - b.variables);
const pointer = (token: string) => token.replace(/~/g, "~0").replace(/\//g, "~1");
const mismatches: string[] = [];
let checked = 0;

async function conforms(method: string, url: string, response: Response): Promise<void> {
  const path = new URL(url).pathname;
  const route = routes.find((r) => r.pattern.test(path));
  if (!route) return;
  let at = `#/paths/${pointer(route.template)}/${method.toLowerCase()}/responses/${response.status}`;
  let declared = resolve(at);
  if (declared === undefined) {
    mismatches.push(`${method} ${path} → ${response.status}: status not declared`);
    return;
  }
  if (declared.$ref) {
    at = declared.$ref;
    declared = resolve(at) ?? {};
  }
  const media = (response.headers.get("content-type") ?? "").split(";")[0].trim();
  const body = await response.clone().text();
  if (!declared.content) {
    if (body.length > 0) mismatches.push(`${method} ${path} → ${response.status}: a body where none is declared`);
    return;
  }
  if (!declared.content[media]) {
    mismatches.push(`${method} ${path} → ${response.status}: ${media} not declared`);
    return;
  }
  if (media !== "application/json" && !media.endsWith("+json")) return;
  const schemaAt = `spec${at}/content/${pointer(media)}/schema`.replace(/\{/g, "%7B").replace(/\}/g, "%7D");
  const validate = ajv.getSchema(schemaAt) ?? ajv.compile({ $ref: schemaAt });
  checked++;
  if (!validate(JSON.parse(body))) {
    mismatches.push(`${method} ${path} → ${response.status}: ${ajv.errorsText(validate.errors)}`);
  }
}

function resolve(ref: string): Json | undefined {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<Json | undefined>((node, key) => (node === undefined ? undefined : node[key]), spec);
}

// ---- a client-side ETag cache: a 304 is the cached answer, counted ---------------------------------------------
const cache = new Map<string, { etag: string; body: string; type: string }>();
let notModified = 0;
const middleware: Middleware[] = [
  {
    async pre(context) {
      const hit = cache.get(context.url);
      if (hit && (context.init.method ?? "GET") === "GET") {
        context.init.headers = { ...(context.init.headers as Record<string, string>), "If-None-Match": hit.etag };
      }
      return context;
    },
    async post(context) {
      const method = context.init.method ?? "GET";
      await conforms(method, context.url, context.response);
      if (context.response.status === 304) {
        const hit = cache.get(context.url);
        assert.ok(hit, "a 304 only answers a request that named an ETag");
        notModified++;
        return new Response(hit.body, { status: 200, headers: { "content-type": hit.type, etag: hit.etag } });
      }
      const etag = context.response.headers.get("etag");
      if (method === "GET" && context.response.status === 200 && etag) {
        const type = context.response.headers.get("content-type") ?? "application/json";
        cache.set(context.url, { etag, body: await context.response.clone().text(), type });
      }
      return context.response;
    },
  },
];
const configuration = new Configuration({ basePath: base, accessToken: async () => token, middleware });

async function tour(): Promise<void> {
  const orgUnits = new OrgUnitsApi(configuration);
  await orgUnits.createOrgUnit({ orgUnitRequest: { code: county, name: "青禾县", type: "COUNTY" } });
  const created = await orgUnits.createOrgUnit({
    orgUnitRequest: { code: school, name: "青禾一中", type: "SCHOOL", parentCode: county },
  });
  assert.equal(created.parentCode, county);
  assert.equal((await orgUnits.getOrgUnit({ code: county })).parentCode, null);

  // Indicators: two counted ones and a rate computed from them by formula.
  const indicators = new IndicatorsApi(configuration);
  await indicators.createIndicator({
    indicatorRequest: {
      code: training, name: "教师培训", unit: "人次", valueType: "INTEGER", direction: "INCREASE",
      aggregation: "SUM", frequency: "MONTHLY",
    },
  });
  for (const [code, name] of [[`ts-passed-${suffix}`, "本科上线人数"], [`ts-sitting-${suffix}`, "高考参考人数"]]) {
    await indicators.createIndicator({
      indicatorRequest: { code, name, unit: "人", valueType: "INTEGER", direction: "INCREASE", aggregation: "SUM" },
    });
  }
  const rate = await indicators.createIndicator({
    indicatorRequest: {
      code: `ts-rate-${suffix}`, name: "本科上线率", unit: "%", valueType: "PERCENT", direction: "INCREASE",
      aggregation: "LAST", formula: { numerator: `ts-passed-${suffix}`, denominator: `ts-sitting-${suffix}` },
    },
  });
  assert.ok(rate.formula, "the rate keeps its formula");

  const targets = new TargetsApi(configuration);
  const target = await targets.createTarget({
    targetRequest: {
      indicatorCode: training, orgUnitCode: county, period: "2025", value: 9200,
      baseline: { period: "2024", value: 8000 },
    },
  });
  assert.equal(target.baseline?.value, 8000);

  // Figures, one by one, with If-Match on the revision.
  const observations = new ObservationsApi(configuration);
  await observations.putObservation({
    indicatorCode: training, orgUnitCode: school, period: "2025-01", observationInput: { value: 800 },
  });
  const second = await observations.putObservation({
    indicatorCode: training, orgUnitCode: school, period: "2025-01", ifMatch: '"1"',
    observationInput: { value: 820, comment: "含寒假" },
  });
  assert.equal(second.revision, 2);
  const stale = await observations
    .putObservationRaw({
      indicatorCode: training, orgUnitCode: school, period: "2025-01", ifMatch: '"1"',
      observationInput: { value: 1 },
    })
    .then(() => 0, (e: unknown) => (e instanceof ResponseError ? e.response.status : -1));
  assert.equal(stale, 412, "a stale If-Match is refused");

  const progress = await targets.getTargetProgress({ id: target.id, asOf: "2025-01" });
  assert.equal(progress.actual, 820);
  assert.equal(progress.source, "ROLLED_UP");

  // The dashboard, polled: the second poll is a 304 the cache answers.
  const dashboards = new DashboardApi(configuration);
  const first = await dashboards.getDashboard({ orgUnit: county, period: "2025", asOf: "2025-01" });
  assert.equal(first.targets?.length, 1);
  const again = await dashboards.getDashboard({ orgUnit: county, period: "2025", asOf: "2025-01" });
  assert.deepEqual(again, first);
  assert.equal(notModified, 1, "the second poll was not modified");

  // A clerk's CSV and Excel files through their own generated methods.
  const csv = `indicatorCode,orgUnitCode,period,value\n${training},${school},2025-02,610\n${training},${school},2025-03,650\n`;
  const fromCsv = await observations.importObservationsCsv({ body: csv, idempotencyKey: `ts-csv-${suffix}` });
  assert.equal(fromCsv.created, 2);
  const xlsxFile = process.env.ZHIBIAO_XLSX;
  assert.ok(xlsxFile, "ZHIBIAO_XLSX names the clerk's Excel file");
  const sheet = new Blob([readFileSync(xlsxFile)]);
  const fromXlsx = await observations.importObservationsXlsx({ body: sheet });
  assert.equal(fromXlsx.created, 1);
  assert.equal((await observations.getObservation({ indicatorCode: training, orgUnitCode: school, period: "2025-04" })).value, 700);

  // 上报 → 审核.
  const submissions = new SubmissionsApi(configuration);
  assert.equal((await submissions.submitPeriod({ orgUnit: school, period: "2025-01" })).state, "SUBMITTED");
  const approved = await submissions.approvePeriod({
    orgUnit: school, period: "2025-01", submissionAction: { reason: "核对无误" },
  });
  assert.equal(approved.state, "APPROVED");

  // A plan's text, read for targets.
  const plans = new PlansApi(configuration);
  const extraction = await plans.extractTargets({
    body: "青禾县教育局2026年工作要点\n一、教师队伍\n1.全年完成教师培训9800人次。", year: 2026,
  });
  assert.ok(extraction.candidates.some((c) => c.value === 9800), "the plan's 9800 is found");

  // A lock closes 2024 to writes until it is removed.
  const locks = new LocksApi(configuration);
  const lock = await locks.createLock({ lockRequest: { orgUnitCode: county, period: "2024" } });
  const locked = await observations
    .putObservationRaw({ indicatorCode: training, orgUnitCode: school, period: "2024-12", observationInput: { value: 10 } })
    .then(() => 0, (e: unknown) => (e instanceof ResponseError ? e.response.status : -1));
  assert.equal(locked, 409);
  await locks.deleteLock({ id: lock.id });
  await observations.putObservation({
    indicatorCode: training, orgUnitCode: school, period: "2024-12", observationInput: { value: 10 },
  });

  // The changes feed, page after page, lists this school's figures in commit order.
  const feed = new ChangesApi(configuration);
  const periods: string[] = [];
  for (let page = await feed.listChanges({ limit: 500, since: 0 }); page.items.length > 0;
    page = await feed.listChanges({ limit: 500, since: page.next })) {
    page.items.filter((c) => c.orgUnitCode === school && c.type === "OBSERVATION").forEach((c) => periods.push(c.period ?? ""));
  }
  assert.deepEqual(periods, ["2025-01", "2025-01", "2025-02", "2025-03", "2025-04", "2024-12"]);

  // A viewer's token, then revoked: its next call is a 401.
  const tokens = new TokensApi(configuration);
  const viewer = await tokens.createToken({ tokenRequest: { name: `ts-viewer-${suffix}`, role: "VIEWER", orgUnitCode: county } });
  assert.ok(viewer.token);
  await tokens.revokeToken({ id: viewer.id });
  const revoked = await new TokensApi(new Configuration({ basePath: base, accessToken: async () => viewer.token ?? "", middleware }))
    .getCurrentCaller()
    .then(() => 0, (e: unknown) => (e instanceof ResponseError ? e.response.status : -1));
  assert.equal(revoked, 401);
}

tour().then(
  () => {
    if (mismatches.length > 0) {
      console.error(`${mismatches.length} answers do not match openapi/openapi.yaml:\n` + mismatches.join("\n"));
      process.exit(1);
    }
    console.log(`tour done: ${checked} JSON answers valid against openapi/openapi.yaml, ${notModified} answered by 304`);
  },
  (e: unknown) => {
    console.error("tour failed:", e);
    if (mismatches.length > 0) console.error("answers not matching openapi/openapi.yaml:\n" + mismatches.join("\n"));
    process.exit(1);
  },
);
