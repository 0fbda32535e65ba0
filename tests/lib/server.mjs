// Starts the real tdkt binary on a free port against a fresh, seeded database, for HTTP and
// browser tests. Backends: 'sqlite' (a temporary file) or 'postgresql' (a new database in the
// throw-away cluster whose base URL `make test` exports as TDKT_TEST_PG_URL).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bin = process.env.TDKT_BIN || join(root, 'build', 'tdkt');
export const demoPassword = 'Demo@2026tdkt';

function freshDatabase(backend) {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-http-'));
    return { url: `sqlite:${join(dir, 'tdkt.db')}`, drop: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.TDKT_TEST_PG_URL;
  if (!base) throw new Error('TDKT_TEST_PG_URL is not set: run the PostgreSQL tests through `make test`');
  const name = `tdkt_http_${randomBytes(6).toString('hex')}`;
  execFileSync('psql', [`${base}/postgres`, '-q', '-c', `CREATE DATABASE ${name}`]);
  return {
    url: `${base}/${name}`,
    drop: () => execFileSync('psql', [`${base}/postgres`, '-q', '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]),
  };
}

export function tdkt(args) {
  return execFileSync(bin, args, { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

export async function startServer(backend = 'sqlite', extraArgs = []) {
  const db = freshDatabase(backend);
  tdkt(['seed', 'demo', '--db', db.url, '--people', '120']);
  const child = spawn(bin, ['serve', '--db', db.url, '--listen', '127.0.0.1:0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15000);
    const onData = (chunk) => {
      output += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${output}`)); });
  });
  child.stdout.on('data', (chunk) => { output += chunk; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    url,
    db,
    child,
    exited,
    log: () => output,
    // Stops the server and keeps the database.
    async halt() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async stop() {
      await this.halt();
      db.drop();
    },
  };
}

// JSON request helper: returns { status, headers, body } with the body parsed when it is JSON.
export async function call(base, method, path, { json, token, headers = {}, body } = {}) {
  const h = { ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  if (json !== undefined) h['Content-Type'] = 'application/json';
  const res = await fetch(base + path, {
    method,
    headers: h,
    body: json !== undefined ? JSON.stringify(json) : body,
    redirect: 'manual',
  });
  const text = await res.text();
  let parsed = text;
  try { parsed = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, body: parsed };
}

export async function login(base, loginName, password = demoPassword) {
  const r = await call(base, 'POST', '/api/v1/auth/login', { json: { login: loginName, password } });
  if (r.status !== 200) throw new Error(`login ${loginName} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return { token: r.body.token, csrf: r.body.csrf_token, cookie: r.headers.get('set-cookie').split(';')[0] };
}

// The smallest PDF libmagic takes for one, for documents uploaded in tests.
export const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

// POST multipart/form-data with one file, as a browser form would.
export async function upload(base, token, path, fields, name, bytes) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
  form.append('file', new Blob([bytes]), name);
  const res = await fetch(base + path, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: await res.json() };
}
