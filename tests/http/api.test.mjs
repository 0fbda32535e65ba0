// The JSON API against the real server, once on SQLite and once on PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, login, demoPassword } from '../lib/server.mjs';

for (const backend of ['sqlite', 'postgresql']) {
  describe(`API on ${backend}`, () => {
    let server;
    let base;
    before(async () => { server = await startServer(backend); base = server.url; });
    after(async () => { await server.stop(); });

    it('GET /healthz reports the backend and version', async () => {
      const r = await call(base, 'GET', '/healthz');
      assert.equal(r.status, 200);
      assert.deepEqual(r.body, { status: 'ok', db: backend, version: '0.1.0' });
    });

    it('every response carries the security headers and a request id', async () => {
      for (const path of ['/healthz', '/dang-nhap', '/static/app.css', '/api/v1/nothing-here']) {
        const r = await fetch(base + path);
        const csp = r.headers.get('content-security-policy');
        assert.match(csp, /script-src 'self'/, path);
        assert.doesNotMatch(csp, /unsafe-inline/, path);
        assert.match(csp, /frame-ancestors 'none'/, path);
        assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
        assert.equal(r.headers.get('referrer-policy'), 'same-origin', path);
        assert.match(r.headers.get('x-request-id'), /^[A-Za-z0-9_-]{16}$/, path);
      }
      const echoed = await fetch(base + '/healthz', { headers: { 'X-Request-Id': 'lb-1234.abc' } });
      assert.equal(echoed.headers.get('x-request-id'), 'lb-1234.abc');
      const refused = await fetch(base + '/healthz', { headers: { 'X-Request-Id': 'bad id with spaces' } });
      assert.match(refused.headers.get('x-request-id'), /^[A-Za-z0-9_-]{16}$/);  // replaced by a generated one
    });

    it('the request id is in the access log', async () => {
      await fetch(base + '/healthz', { headers: { 'X-Request-Id': `trace-${backend}` } });
      await new Promise((r) => setTimeout(r, 100));
      assert.match(server.log(), new RegExp(`trace-${backend} 127\\.0\\.0\\.1 GET /healthz 200 `));
    });

    it('login returns the user, a bearer token and a session cookie', async () => {
      const r = await call(base, 'POST', '/api/v1/auth/login', { json: { login: 'admin', password: demoPassword } });
      assert.equal(r.status, 200);
      assert.equal(r.body.user.login, 'admin');
      assert.deepEqual(r.body.user.roles, [
        { role: 'administrator', role_label: 'Quản trị hệ thống', unit_id: 1, unit_name: 'Tỉnh Hưng Yên' },
      ]);
      assert.match(r.body.token, /^[A-Za-z0-9_-]{43}$/);
      const cookie = r.headers.get('set-cookie');
      assert.match(cookie, new RegExp(`^tdkt_session=${r.body.token}; Path=/; Max-Age=43200; HttpOnly; SameSite=Lax$`));
      const tls = await call(base, 'POST', '/api/v1/auth/login', {
        json: { login: 'admin', password: demoPassword }, headers: { 'X-Forwarded-Proto': 'https' },
      });
      assert.match(tls.headers.get('set-cookie'), /; Secure$/);
    });

    it('GET /api/v1/me: 401 anonymous, the user with a token or the cookie', async () => {
      const anon = await call(base, 'GET', '/api/v1/me');
      assert.equal(anon.status, 401);
      assert.deepEqual(anon.body, { error: { code: 'unauthenticated', message: 'Bạn cần đăng nhập để tiếp tục.' } });
      const s = await login(base, 'canbo.truong');
      const byToken = await call(base, 'GET', '/api/v1/me', { token: s.token });
      assert.equal(byToken.body.user.display_name, 'Đặng Thị Đào');
      const byCookie = await call(base, 'GET', '/api/v1/me', { headers: { Cookie: s.cookie } });
      assert.equal(byCookie.body.user.login, 'canbo.truong');
      const bogus = await call(base, 'GET', '/api/v1/me', { token: 'not-a-session' });
      assert.equal(bogus.status, 401);
      assert.equal(bogus.body.error.code, 'unauthenticated');
    });

    it('a user without a role on a unit is refused with 403 and the reason; anonymous gets 401', async () => {
      const s = await login(base, 'xem');  // viewer of Sở Y tế only
      const refused = await call(base, 'GET', '/api/v1/units/1', { token: s.token });
      assert.equal(refused.status, 403);
      assert.deepEqual(refused.body, { error: { code: 'no_role_on_unit', message:
        'Bạn không có quyền xem đơn vị tại «Tỉnh Hưng Yên»: tài khoản chưa được giao vai trò nào trên đơn vị này hoặc đơn vị cấp trên.' } });
      const own = await call(base, 'GET', '/api/v1/units/8', { token: s.token });
      assert.equal(own.status, 200);
      assert.deepEqual([own.body.id, own.body.code, own.body.name, own.body.parent_id, own.body.unit_type],
        [8, 'HY.SYT', 'Sở Y tế', 1, 'department']);
      const history = await call(base, 'GET', '/api/v1/units/8/history', { token: s.token });
      assert.deepEqual(history.body.predecessors.map((u) => u.name), ['Sở Y tế tỉnh Thái Bình']);
      const anon = await call(base, 'GET', '/api/v1/units/8');
      assert.equal(anon.status, 401);
      const missing = await call(base, 'GET', '/api/v1/units/999', { token: s.token });
      assert.equal(missing.status, 404);
      assert.deepEqual(missing.body, { error: { code: 'unit_not_found', message: 'Không tìm thấy đơn vị.' } });
      const list = await call(base, 'GET', '/api/v1/units', { token: s.token });
      assert.deepEqual(list.body.items.map((u) => u.name),
        ['Bệnh viện Đa khoa tỉnh Hưng Yên', 'Bệnh viện Đa khoa tỉnh Thái Bình', 'Khoa Nội tổng hợp', 'Sở Y tế']);
    });

    it('cookie-authenticated changes need the CSRF token; bearer ones do not', async () => {
      const s = await login(base, 'thuky.hd');
      const without = await call(base, 'POST', '/api/v1/auth/logout', { headers: { Cookie: s.cookie } });
      assert.equal(without.status, 403);
      assert.equal(without.body.error.code, 'csrf_failed');
      const wrong = await call(base, 'POST', '/api/v1/auth/logout', { headers: { Cookie: s.cookie, 'X-CSRF-Token': 'x' } });
      assert.equal(wrong.status, 403);
      const crossSite = await call(base, 'POST', '/api/v1/auth/logout', {
        headers: { Cookie: s.cookie, 'X-CSRF-Token': s.csrf, Origin: 'http://evil.example' },
      });
      assert.equal(crossSite.status, 403);
      const ok = await call(base, 'POST', '/api/v1/auth/logout', { headers: { Cookie: s.cookie, 'X-CSRF-Token': s.csrf } });
      assert.equal(ok.status, 204);
      assert.match(ok.headers.get('set-cookie'), /^tdkt_session=; Path=\/; Max-Age=0;/);
      assert.equal((await call(base, 'GET', '/api/v1/me', { token: s.token })).status, 401);
      const b = await login(base, 'thuky.hd');
      assert.equal((await call(base, 'POST', '/api/v1/auth/logout', { token: b.token })).status, 204);
    });

    it('errors use one JSON shape with the right status', async () => {
      const badJson = await call(base, 'POST', '/api/v1/auth/login', { body: '{not json', headers: { 'Content-Type': 'application/json' } });
      assert.equal(badJson.status, 400);
      assert.deepEqual(badJson.body, { error: { code: 'invalid_json', message: 'Dữ liệu gửi lên phải là một đối tượng JSON hợp lệ.' } });
      const empty = await call(base, 'POST', '/api/v1/auth/login', { json: { login: '', password: '' } });
      assert.equal(empty.status, 422);
      assert.deepEqual(empty.body, { error: { code: 'missing_credentials', message: 'Vui lòng nhập tên đăng nhập và mật khẩu.' } });
      const typed = await call(base, 'POST', '/api/v1/auth/login', { json: { login: 5, password: 'x' } });
      assert.equal(typed.status, 422);
      assert.equal(typed.body.error.message, 'Trường «login» phải là chuỗi ký tự.');
      const unknown = await call(base, 'GET', '/api/v1/no-such-thing');
      assert.equal(unknown.status, 404);
      assert.deepEqual(unknown.body, { error: { code: 'not_found', message: 'Không tìm thấy địa chỉ được yêu cầu.' } });
      const big = await call(base, 'POST', '/api/v1/auth/login', { body: 'x'.repeat(25 * 1024 * 1024), headers: { 'Content-Type': 'application/json' } });
      assert.equal(big.status, 413);
      assert.deepEqual(big.body, { error: { code: 'payload_too_large', message: 'Dữ liệu gửi lên vượt quá dung lượng cho phép.' } });
      const badUtf8 = await call(base, 'POST', '/api/v1/auth/login', { body: Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), headers: { 'Content-Type': 'application/json' } });
      assert.equal(badUtf8.status, 400);
      assert.equal(badUtf8.body.error.code, 'invalid_encoding');
    });

    it('administrators create users; conflicts and bad input change nothing', async () => {
      const admin = await login(base, 'admin');
      const created = await call(base, 'POST', '/api/v1/users', { token: admin.token, json: {
        login: 'canbo.snv', display_name: 'Ngô Thị Ánh', password: 'mat-khau-du-dai',
        roles: [{ role: 'unit_officer', unit_code: 'HY.SNV' }] } });
      assert.equal(created.status, 201);
      assert.equal(created.body.login, 'canbo.snv');
      assert.deepEqual(created.body.roles.map((g) => [g.role, g.unit_name]), [['unit_officer', 'Sở Nội vụ']]);
      const dup = await call(base, 'POST', '/api/v1/users', { token: admin.token, json: { login: 'canbo.snv', display_name: 'X', password: 'mat-khau-du-dai' } });
      assert.equal(dup.status, 409);
      assert.deepEqual(dup.body, { error: { code: 'login_taken', message: 'Tên đăng nhập «canbo.snv» đã được dùng.' } });
      const shortPw = await call(base, 'POST', '/api/v1/users', { token: admin.token, json: { login: 'moi', display_name: 'X', password: 'ngan' } });
      assert.equal(shortPw.status, 422);
      assert.equal(shortPw.body.error.message, 'Mật khẩu phải có ít nhất 10 ký tự.');
      const list = await call(base, 'GET', '/api/v1/users', { token: admin.token });
      assert.equal(list.body.total, 14);
      const officer = await login(base, 'canbo.snv', 'mat-khau-du-dai');
      const forbidden = await call(base, 'GET', '/api/v1/users', { token: officer.token });
      assert.equal(forbidden.status, 403);
      assert.equal(forbidden.body.error.message, 'Chỉ quản trị hệ thống cấp tỉnh mới được quản lý người dùng.');
    });

    it('a user changes their own password only with the current one', async () => {
      const s = await login(base, 'uyvien.hd');
      const wrong = await call(base, 'POST', '/api/v1/me/password', { token: s.token, json: { current_password: 'sai', password: 'mat-khau-moi-2026' } });
      assert.equal(wrong.status, 422);
      assert.equal(wrong.body.error.message, 'Mật khẩu hiện tại không đúng.');
      const ok = await call(base, 'POST', '/api/v1/me/password', { token: s.token, json: { current_password: demoPassword, password: 'mat-khau-moi-2026' } });
      assert.equal(ok.status, 204);
      await login(base, 'uyvien.hd', 'mat-khau-moi-2026');
    });

    it('five wrong passwords lock the account with a clear message', async () => {
      for (let i = 4; i >= 1; i--) {
        const r = await call(base, 'POST', '/api/v1/auth/login', { json: { login: 'lanhdao.sgd', password: 'sai-mat-khau' } });
        assert.equal(r.status, 401);
        assert.equal(r.body.error.message, `Tên đăng nhập hoặc mật khẩu không đúng. Còn ${i} lần thử trước khi tài khoản bị tạm khoá.`);
      }
      const locked = await call(base, 'POST', '/api/v1/auth/login', { json: { login: 'lanhdao.sgd', password: 'sai-mat-khau' } });
      assert.equal(locked.status, 403);
      assert.equal(locked.body.error.code, 'account_locked');
      assert.match(locked.body.error.message, /^Tài khoản tạm thời bị khoá do đăng nhập sai nhiều lần\. Vui lòng thử lại sau \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\.$/);
      const right = await call(base, 'POST', '/api/v1/auth/login', { json: { login: 'lanhdao.sgd', password: demoPassword } });
      assert.equal(right.status, 403);
    });

    it('administrators read the audit log, filtered', async () => {
      const admin = await login(base, 'admin');
      const r = await call(base, 'GET', '/api/v1/audit?entity_type=unit&limit=3', { token: admin.token });
      assert.equal(r.status, 200);
      assert.equal(r.body.total, 89);  // the demo's units from 2019 and the reform of 1/7/2025
      assert.equal(r.body.items.length, 3);
      const merger = r.body.items[1];
      assert.equal(merger.action, 'unit.merge');
      assert.deepEqual(merger.before.map((u) => u.name), ['Tỉnh Thái Bình']);
      assert.equal(merger.after.successor.name, 'Tỉnh Hưng Yên');
      assert.equal(merger.after.effective_date, '2025-07-01');
      assert.match(merger.after.document, /^Nghị quyết 202\/2025\/QH15/);
      assert.match(merger.user_login, /^system:/);
      const byUser = await call(base, 'GET', '/api/v1/audit?user=admin&entity_type=session', { token: admin.token });
      const all = await call(base, 'GET', '/api/v1/audit?limit=500', { token: admin.token });
      const adminLogins = all.body.items.filter((e) => e.action === 'auth.login' && e.user_login === 'admin');
      assert.equal(byUser.body.total, adminLogins.length);
      assert.deepEqual(byUser.body.items.map((e) => e.id), adminLogins.map((e) => e.id));
      const badDate = await call(base, 'GET', '/api/v1/audit?from=31/02/2026', { token: admin.token });
      assert.equal(badDate.status, 422);
      assert.equal(badDate.body.error.message, 'Ngày «31/02/2026» không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 22/11/2026.');
      const viDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
      const today = await call(base, 'GET', `/api/v1/audit?from=${viDay}&to=${viDay}&entity_type=unit`, { token: admin.token });
      assert.equal(today.body.total, 89);
      const viewer = await login(base, 'xem');
      assert.equal((await call(base, 'GET', '/api/v1/audit', { token: viewer.token })).status, 403);
    });

    it('administrators export the filtered audit log as an Excel workbook', async () => {
      const admin = await login(base, 'admin');
      const res = await fetch(`${base}/nhat-ky.xlsx?entity_type=unit`, { headers: { Cookie: admin.cookie } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.equal(res.headers.get('content-disposition'), 'attachment; filename="nhat-ky-he-thong.xlsx"');
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
      const viewer = await login(base, 'xem');
      const refused = await fetch(`${base}/nhat-ky.xlsx`, { headers: { Cookie: viewer.cookie } });
      assert.equal(refused.status, 403);
    });

    it('serves its OpenAPI document', async () => {
      const r = await call(base, 'GET', '/api/v1/openapi.json');
      assert.equal(r.status, 200);
      assert.equal(r.body.openapi, '3.1.0');
      assert.equal(r.body.paths['/api/v1/auth/login'].post.summary, 'Sign in; returns a bearer token and sets the session cookie');
      assert.deepEqual(r.body.paths['/api/v1/units/{id}'].get.parameters.map((p) => [p.name, p.in]), [['id', 'path']]);
      assert.deepEqual(Object.keys(r.body.paths['/api/v1/units/{id}'].get.responses).sort(), ['200', '401', '403', '404']);
      assert.equal(r.body.components.securitySchemes.cookie.name, 'tdkt_session');
    });
  });
}
