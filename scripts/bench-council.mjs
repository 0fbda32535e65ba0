// Council and decision benchmark through the API (docs/performance.md, issue 5):
//  1. a council of 15 members votes on 500 nominees, every member concurrently, one request per vote
//     (7,500 votes): latency p50 / p95 / p99 per vote, then the time to close and count;
//  2. a decision with 2,000 recipients: the time to issue it (award history and certificates in one
//     transaction), then to produce the decision PDF and the 2,000 certificates as PDF.
// Both on SQLite and on a throw-away PostgreSQL (scripts/pg-throwaway.sh), one after the other in one
// run, so that their figures compare.
// Usage: node scripts/bench-council.mjs   (BENCH_NOMINEES=500 BENCH_RECIPIENTS=2000 BENCH_MEMBERS=15
//                                          BENCH_BACKENDS="sqlite postgresql")
// The setup (people, extra council members, dossiers put in the council's and the decision's state)
// goes through the command line and sqlite3 / psql, not the API: only the measured steps use the API.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = process.env.TDKT_BIN || join(root, 'build', 'tdkt');
const nominees = Number(process.env.BENCH_NOMINEES || 500);
const recipients = Number(process.env.BENCH_RECIPIENTS || 2000);
const members = Number(process.env.BENCH_MEMBERS || 15);
const password = 'Demo@2026tdkt';

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
const ms = (t0) => (performance.now() - t0);

// One backend's run: `db` the database URL, `sql` runs a statement there and returns its output.
async function bench(backend, db, sql) {
  let server;
  try {
    const t0 = performance.now();
    execFileSync(bin, ['seed', 'demo', '--db', db, '--people', String(Math.max(nominees, recipients) + 600)], { stdio: 'ignore' });
    // Council members beyond the demo's seven.
    const council = sql('SELECT id FROM councils ORDER BY id LIMIT 1');
    const seated = Number(sql(`SELECT COUNT(*) FROM council_members WHERE council_id = ${council}`));
    for (let i = seated; i < members; i++) {
      execFileSync(bin, ['user', 'add', '--db', db, '--login', `bench${i}.hd`, '--name', `Ủy viên ${i}`, '--password-stdin',
        '--role', 'council_member@HY'], { input: `${password}\n`, stdio: ['pipe', 'ignore', 'inherit'] });
      sql(`INSERT INTO council_members (council_id, user_id, role, title, unit_id, position) SELECT ${council}, id, 'member', ` +
        `'Ủy viên', NULL, ${i + 1} FROM users WHERE login = 'bench${i}.hd'`);
    }
    console.error(`setup: seeded in ${(ms(t0) / 1000).toFixed(1)} s`);

    server = spawn(bin, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--no-access-log'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (c) => { out += c; const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out); if (m) resolve(m[1]); });
      server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    const call = async (token, method, path, json) => {
      const r = await fetch(url + path, {
        method, headers: { Authorization: `Bearer ${token}`, ...(json ? { 'Content-Type': 'application/json' } : {}) },
        body: json ? JSON.stringify(json) : undefined,
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text.slice(0, 300)}`);
      return text ? JSON.parse(text) : null;
    };
    const login = async (name) => (await call('', 'POST', '/api/v1/auth/login', { login: name, password })).token;
    const admin = await login('admin');
    const hy = (await call(admin, 'GET', '/api/v1/units?q=hung%20yen')).items.find((u) => u.code === 'HY').id;

    // A dossier of the province with `n` people proposed for LĐTT, put in `state` with outcome `outcome`.
    const people = [];
    for (let page = 1; people.length < Math.max(nominees, recipients); page++) {
      const got = (await call(admin, 'GET', `/api/v1/people?page_size=200&page=${page}&unit_id=${hy}`)).items;
      if (got.length === 0) break;
      people.push(...got);
    }
    async function dossierWith(n, title) {
      const d = await call(admin, 'POST', '/api/v1/dossiers', { title, year: '2025', unit_id: hy });
      for (let i = 0; i < n; i++)
        await call(admin, 'POST', `/api/v1/dossiers/${d.id}/nominees`, { subject_type: 'individual', person_id: people[i].id, award: 'LDTT' });
      return d.id;
    }
    let t = performance.now();
    const voteDossier = await dossierWith(nominees, 'Benchmark: bỏ phiếu');
    console.error(`setup: ${nominees} nominees added in ${(ms(t) / 1000).toFixed(1)} s`);
    sql(`UPDATE dossiers SET state = 'council' WHERE id = ${voteDossier}`);

    // 1. The ballot.
    const secretary = await login('thuky.hd');
    const meeting = await call(secretary, 'POST', `/api/v1/councils/${council}/meetings`, { title: 'Benchmark', held_on: '15/12/2026' });
    await call(secretary, 'POST', `/api/v1/meetings/${meeting.id}/agenda`, { dossier_id: voteDossier });
    let view = await call(secretary, 'GET', `/api/v1/meetings/${meeting.id}`);
    for (const m of view.members) await call(secretary, 'POST', `/api/v1/meetings/${meeting.id}/attendance`, { member_id: m.id, present: true });
    await call(secretary, 'POST', `/api/v1/meetings/${meeting.id}/open`);
    view = await call(secretary, 'GET', `/api/v1/meetings/${meeting.id}`);
    const items = view.items.map((i) => i.id);
    const tokens = await Promise.all(view.members.map((m) => login(m.login)));
    const latencies = [];
    t = performance.now();
    // Each member's ballot: the items they are not recused from (a member from a nominee's unit is).
    const ballots = await Promise.all(tokens.map(async (token) =>
      (await call(token, 'GET', `/api/v1/meetings/${meeting.id}`)).items.filter((i) => !i.i_recused).map((i) => i.id)));
    t = performance.now();
    await Promise.all(tokens.map(async (token, k) => {
      for (const item of ballots[k]) {
        const s = performance.now();
        await call(token, 'POST', `/api/v1/meetings/${meeting.id}/votes`, { item_id: item, choice: (item + k) % 5 ? 'agree' : 'disagree' });
        latencies.push(performance.now() - s);
      }
    }));
    const wall = ms(t);
    latencies.sort((a, b) => a - b);
    t = performance.now();
    await call(secretary, 'POST', `/api/v1/meetings/${meeting.id}/close`);
    const closing = ms(t);
    view = await call(secretary, 'GET', `/api/v1/meetings/${meeting.id}`);
    const passed = view.items.filter((i) => i.result && i.result.passed).length;
    if (view.items.some((i) => !i.result || i.result.agree + i.result.disagree !== tokens.length - i.recused.length))
      throw new Error('a count does not add up to the members who voted');

    // 2. The decision.
    t = performance.now();
    const decisionDossier = await dossierWith(recipients, 'Benchmark: quyết định');
    console.error(`setup: ${recipients} nominees added in ${(ms(t) / 1000).toFixed(1)} s`);
    sql(`UPDATE dossiers SET state = 'voted' WHERE id = ${decisionDossier}; UPDATE dossier_nominees SET outcome = 'approved' WHERE dossier_id = ${decisionDossier}`);
    const leader = await login('lanhdao.ban');
    const decision = await call(leader, 'POST', `/api/v1/dossiers/${decisionDossier}/decision`, { signed_on: '20/12/2026', signer_name: 'Nguyễn Hữu Nghĩa' });
    t = performance.now();
    await call(leader, 'POST', `/api/v1/dossiers/${decisionDossier}/transitions`, { action: 'decide' });
    const issuing = ms(t);
    const fetchPdf = async (path) => {
      const s = performance.now();
      const r = await fetch(url + path, { headers: { Authorization: `Bearer ${leader}` } });
      const bytes = Buffer.from(await r.arrayBuffer());
      if (!r.ok || bytes.subarray(0, 5).toString() !== '%PDF-') throw new Error(`${path}: ${r.status}`);
      return [ms(s), bytes.length];
    };
    const [decisionPdf, decisionBytes] = await fetchPdf(`/quyet-dinh/${decision.id}.pdf`);
    const s = performance.now();
    const certs = await fetch(url + `/quyet-dinh/${decision.id}/bang-khen.pdf`, { headers: { Authorization: `Bearer ${leader}` } });
    const certBytes = Buffer.from(await certs.arrayBuffer());
    const certificatesPdf = ms(s);
    if (!certs.ok || certBytes.subarray(0, 5).toString() !== '%PDF-') throw new Error(`certificates: ${certs.status}`);

    console.log(`${backend} ballot: ${tokens.length} members × ${items.length} nominees = ${latencies.length} votes in ${(wall / 1000).toFixed(1)} s ` +
      `(${(latencies.length / wall * 1000).toFixed(0)} votes/s); per vote p50 ${pct(latencies, 0.5).toFixed(1)} ms, ` +
      `p95 ${pct(latencies, 0.95).toFixed(1)} ms, p99 ${pct(latencies, 0.99).toFixed(1)} ms, max ${latencies.at(-1).toFixed(1)} ms; ` +
      `closing and counting ${closing.toFixed(0)} ms (${passed} passed)`);
    console.log(`${backend} decision: ${recipients} recipients issued (award history and certificates) in ${issuing.toFixed(0)} ms; ` +
      `decision PDF ${decisionPdf.toFixed(0)} ms (${(decisionBytes / 1024).toFixed(0)} KB); ` +
      `certificates PDF ${(certificatesPdf / 1000).toFixed(1)} s (${(certBytes.length / 1024 / 1024).toFixed(1)} MB)`);
  } finally {
    if (server && server.exitCode === null) server.kill('SIGTERM');
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tdkt-bench-council-'));
const pgDir = join(tmpdir(), `tdkt-bench-council-pg-${process.pid}`);  // its own: postgres must reach it
let pgStarted = false;
try {
  for (const backend of (process.env.BENCH_BACKENDS || 'sqlite postgresql').split(/\s+/).filter(Boolean)) {
    if (backend === 'sqlite') {
      const dbPath = join(dir, 'tdkt.db');
      await bench(backend, `sqlite:${dbPath}`, (statement) => execFileSync('sqlite3', [dbPath, statement], { encoding: 'utf8' }).trim());
    } else if (backend === 'postgresql') {
      const base = execFileSync(join(root, 'scripts', 'pg-throwaway.sh'), ['start', pgDir], { encoding: 'utf8' }).trim();
      pgStarted = true;
      execFileSync('psql', [`${base}/postgres`, '-q', '-c', 'CREATE DATABASE council'], { stdio: 'ignore' });
      const url = `${base}/council`;
      await bench(backend, url, (statement) => execFileSync('psql', [url, '-qAt', '-v', 'ON_ERROR_STOP=1', '-c', statement], { encoding: 'utf8' }).trim());
    } else {
      throw new Error(`unknown backend ${backend}`);
    }
  }
} finally {
  if (pgStarted) execFileSync(join(root, 'scripts', 'pg-throwaway.sh'), ['stop', pgDir], { stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
}
