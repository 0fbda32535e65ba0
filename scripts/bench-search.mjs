// Name search latency through GET /api/v1/people?q=…: N queries of common Vietnamese names typed
// without accents (three forms: family middle given, middle given, family given), sequentially,
// keep-alive, as the administrator. Prints "p50 p95 max" in milliseconds.
// Usage: node scripts/bench-search.mjs URL N
const [url, n] = [process.argv[2], Number(process.argv[3])];
let seed = 7;
const rand = (a) => a[(seed = (seed * 1103515245 + 12345) % 2147483648) % a.length];
const sur = ['nguyen', 'tran', 'le', 'pham', 'hoang', 'vu', 'dang', 'bui', 'do', 'ngo', 'duong', 'dao', 'dinh'];
const mid = ['van', 'thi', 'duc', 'minh', 'thu', 'ngoc', 'thanh', 'quang', 'huu'];
const giv = ['an', 'binh', 'dao', 'hoa', 'lan', 'tuan', 'hung', 'mai', 'linh', 'son', 'yen', 'nam', 'trang'];
const login = await fetch(url + '/api/v1/auth/login', {
  method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ login: 'admin', password: 'Demo@2026tdkt' }),
});
const { token } = await login.json();
const times = [];
let found = 0;
for (let i = 0; i < n; i++) {
  const forms = [`${rand(sur)} ${rand(mid)} ${rand(giv)}`, `${rand(mid)} ${rand(giv)}`, `${rand(sur)} ${rand(giv)}`];
  const q = forms[i % 3];
  const t = performance.now();
  const r = await fetch(`${url}/api/v1/people?q=${encodeURIComponent(q)}&page_size=20`, { headers: { Authorization: `Bearer ${token}` } });
  const body = await r.json();
  times.push(performance.now() - t);
  if (!r.ok) throw new Error(`${q}: HTTP ${r.status}`);
  if (body.items.length > 0) found++;
  if (process.env.BENCH_VERBOSE) console.error(q, body.total, times.at(-1).toFixed(1));
}
// A benchmark of searches that find nobody would measure nothing: most of these names exist.
if (found < n / 2) throw new Error(`only ${found} of ${n} searches found anyone: is the user's scope the whole data set?`);
times.sort((a, b) => a - b);
console.log(times[Math.floor(n / 2)].toFixed(1), times[Math.ceil(n * 0.95) - 1].toFixed(1), times[n - 1].toFixed(1));
