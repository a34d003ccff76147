// Opens N change streams against a running service, keeps them idle for a while and measures what that costs the
// database (PostgreSQL transactions per second, from pg_stat_database) and the service (RSS), then writes one figure
// and measures how long until every stream has received it. Used by bench/stream-benchmark.sh.
//   node bench/streams.mjs <base url> <comma-separated tokens> <streams> <idle seconds> <service pid> <database> <cell path> <admin token>
import http from 'node:http';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [base, tokenList, count, idleSeconds, pid, database, cell, admin] = process.argv.slice(2);
const tokens = tokenList.split(',');
const n = Number(count);
const url = new URL(base);

const xacts = () => Number(execSync(`psql -qtA -h 127.0.0.1 -U postgres -d test -c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '${database}'"`).toString().trim());
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const sleep = ms => new Promise(r => setTimeout(r, ms));

const streams = [];
function open(i) {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, path: '/api/v1/changes/stream', agent: false,
      headers: { Accept: 'text/event-stream', Authorization: 'Bearer ' + tokens[i % tokens.length] } }, response => {
      if (response.statusCode !== 200) { reject(new Error('stream ' + i + ': ' + response.statusCode)); return; }
      const stream = { events: 0, gotAt: null, buffer: '' };
      response.setEncoding('utf8');
      response.on('data', chunk => {
        stream.buffer += chunk;
        let end;
        while ((end = stream.buffer.indexOf('\n\n')) >= 0) {
          const block = stream.buffer.slice(0, end);
          stream.buffer = stream.buffer.slice(end + 2);
          if (block.includes('event:change')) {
            stream.events++;
            if (stream.gotAt === null) stream.gotAt = process.hrtime.bigint();
          }
        }
      });
      streams.push({ stream, request });
      resolve();
    });
    request.on('error', reject);
    request.end();
  });
}

for (let i = 0; i < n; i += 50) {
  await Promise.all(Array.from({ length: Math.min(50, n - i) }, (_, k) => open(i + k)));
}
// Every stream registered, and the opening transactions counted: PostgreSQL 15 backends report their statistics at
// most once a second, idle ones only after 10 s.
await sleep(12000);
const rssBefore = rssMb();
const x0 = xacts();
const t0 = Date.now();
await sleep(Number(idleSeconds) * 1000);
const x1 = xacts();
const idleTps = (x1 - x0) / ((Date.now() - t0) / 1000);
const rssIdle = rssMb();
const eventsWhileIdle = streams.reduce((sum, s) => sum + s.stream.events, 0);

const written = process.hrtime.bigint();
await new Promise((resolve, reject) => {
  const body = JSON.stringify({ value: Date.now() % 100000 });
  const put = http.request({ host: url.hostname, port: url.port, path: cell, method: 'PUT', agent: false,
    headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Authorization: 'Bearer ' + admin } }, r => { r.resume(); r.on('end', resolve); });
  put.on('error', reject);
  put.end(body);
});
let reached = 0;
const deadline = Date.now() + 10000;
while (Date.now() < deadline) {
  reached = streams.filter(s => s.stream.gotAt !== null).length;
  if (reached === n) break;
  await sleep(20);
}
const delays = streams.filter(s => s.stream.gotAt !== null).map(s => Number(s.stream.gotAt - written) / 1e6).sort((a, b) => a - b);
console.log(JSON.stringify({ streams: n, idleSeconds: Number(idleSeconds), idleTransactionsPerSecond: Number(idleTps.toFixed(2)),
  eventsWhileIdle, rssMbBefore: Math.round(rssBefore), rssMbIdle: Math.round(rssIdle), reached,
  p50Ms: delays.length ? Math.round(delays[Math.floor(delays.length / 2)]) : null,
  maxMs: delays.length ? Math.round(delays[delays.length - 1]) : null }));
for (const s of streams) s.request.destroy();
process.exit(0);
