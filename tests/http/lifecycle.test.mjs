// Process-level behaviour: clean shutdown, audit verification from the command line.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, call, login, demoPassword, bin } from '../lib/server.mjs';

describe('server lifecycle', () => {
  it('SIGTERM lets an in-flight request finish, then exits 0', async () => {
    const server = await startServer('sqlite');
    // Signing in takes ~0.1 s of argon2id: the signal arrives while it is being served.
    const pending = call(server.url, 'POST', '/api/v1/auth/login', { json: { login: 'admin', password: demoPassword } });
    await new Promise((r) => setTimeout(r, 20));
    server.child.kill('SIGTERM');
    const r = await pending;
    assert.equal(r.status, 200);
    assert.equal(r.body.user.login, 'admin');
    const { code } = await server.exited;
    assert.equal(code, 0);
    assert.match(server.log(), /server stopped/);
    server.db.drop();
  });

  it('SIGINT stops it too', async () => {
    const server = await startServer('sqlite');
    server.child.kill('SIGINT');
    assert.equal((await server.exited).code, 0);
    server.db.drop();
  });

  it('a busy port is reported clearly and exits non-zero', async () => {
    const server = await startServer('sqlite');
    const port = new URL(server.url).port;
    const r = spawnSync(bin, ['serve', '--db', server.db.url, '--listen', `127.0.0.1:${port}`], { encoding: 'utf8', timeout: 10000 });
    assert.equal(r.status, 1);
    assert.match(r.stderr, new RegExp(`Không mở được cổng 127\\.0\\.0\\.1:${port}`));
    await server.stop();
  });
});

describe('command line', () => {
  it('wrong flags and URLs print a clear message and exit non-zero', () => {
    const flag = spawnSync(bin, ['serve', '--no-such-flag'], { encoding: 'utf8' });
    assert.equal(flag.status, 2);
    assert.match(flag.stderr, /^Lỗi: The following argument was not expected: --no-such-flag/);
    const url = spawnSync(bin, ['migrate', '--db', 'mysql://root@x/db'], { encoding: 'utf8' });
    assert.equal(url.status, 1);
    assert.match(url.stderr, /URL cơ sở dữ liệu không hợp lệ «mysql:\/\/root@x\/db»/);
    const listen = spawnSync(bin, ['serve', '--db', 'sqlite::memory:', '--listen', 'localhost'], { encoding: 'utf8' });
    assert.equal(listen.status, 2);
    assert.match(listen.stderr, /địa chỉ lắng nghe «localhost» không hợp lệ/);
  });

  it('migrate creates the schema once and reports the version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-migrate-'));
    const db = `sqlite:${join(dir, 'm.db')}`;
    assert.equal(execFileSync(bin, ['migrate', '--db', db], { encoding: 'utf8' }), `Cơ sở dữ liệu ${db}: phiên bản cấu trúc 0 → 15\n`);
    assert.equal(execFileSync(bin, ['migrate', '--db', db], { encoding: 'utf8' }), `Cơ sở dữ liệu ${db}: phiên bản cấu trúc 15 → 15\n`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('seed demo --dossiers takes three dossiers through the workflow once, with an intact audit chain', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-demo-dossiers-'));
    const file = join(dir, 'd.db');
    const db = `sqlite:${file}`;
    const first = execFileSync(bin, ['seed', 'demo', '--db', db, '--dossiers'], { encoding: 'utf8' });
    assert.match(first, /^Đã tạo dữ liệu mẫu: 70 đơn vị, 2\.000 cá nhân, 13 người dùng \(mật khẩu Demo@2026tdkt\)\.\nĐã tạo 3 hồ sơ mẫu \(7 người được đề nghị, 3 bằng khen đã cấp\)\.\n$/);
    assert.equal(execFileSync(bin, ['seed', 'demo', '--db', db, '--dossiers'], { encoding: 'utf8' }), 'Dữ liệu mẫu đã có sẵn: không thay đổi gì.\n');
    const sql = (q) => execFileSync('sqlite3', [file, q], { encoding: 'utf8' }).trim();
    assert.equal(sql('SELECT group_concat(state, \' \') FROM (SELECT state FROM dossiers ORDER BY id)'), 'draft received published');
    assert.equal(sql('SELECT due_date IS NOT NULL FROM dossiers WHERE state = \'received\''), '1');
    assert.equal(sql('SELECT number_text || \' \' || state || \' \' || (published_at IS NOT NULL) FROM decisions'), '1/QĐ-UBND issued 1');
    assert.equal(sql('SELECT COUNT(*) FROM awards WHERE source = \'decision\''), '3');
    assert.equal(sql('SELECT COUNT(*) FROM meeting_seats'), '7');
    // Every step is in the audit log under the demo user who took it, and the chain holds.
    assert.equal(sql('SELECT group_concat(action, \' \') FROM (SELECT action FROM audit_log WHERE user_login = \'chuyenvien\' AND action LIKE \'dossier.%\' ORDER BY id)'),
      'dossier.receive dossier.receive dossier.nominee_override dossier.nominee_override dossier.nominee_override dossier.appraise dossier.to_council dossier.publish');
    assert.match(execFileSync(bin, ['audit', 'verify', '--db', db], { encoding: 'utf8' }), /^Nhật ký toàn vẹn: \d+ bản ghi, chuỗi mã băm khớp\.\n$/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('every subcommand has --help', () => {
    for (const args of [['serve'], ['migrate'], ['user', 'add'], ['user', 'passwd'], ['user', 'disable'], ['user', 'enable'],
      ['user', 'list'], ['user', 'grant'], ['seed', 'demo'], ['seed', 'synthetic'], ['import'], ['export'], ['audit', 'verify']]) {
      const out = execFileSync(bin, [...args, '--help'], { encoding: 'utf8' });
      assert.match(out, /--db/, args.join(' '));
    }
  });

  it('export writes a unit\'s people to a workbook that import takes back into another database', async () => {
    const server = await startServer('sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-export-'));
    const file = join(dir, 'people.xlsx');
    const out = execFileSync(bin, ['export', '--db', server.db.url, '--unit', 'HY.SGDDT.THPTCTB', file], { encoding: 'utf8' });
    const [, count] = out.match(/^Đã xuất (\d+) cá nhân vào .* trong [\d.]+ giây\.$/m);
    const { token } = await login(server.url, 'admin');
    const school = (await call(server.url, 'GET', '/api/v1/units?q=chuyen%20thai%20binh', { token })).body.items[0];
    assert.equal(school.code, 'HY.SGDDT.THPTCTB');
    const listed = await call(server.url, 'GET', `/api/v1/people?page_size=200&unit_id=${school.id}`, { token });
    assert.equal(Number(count), listed.body.total);
    assert.ok(Number(count) >= 2);
    const target = `sqlite:${join(dir, 'other.db')}`;
    execFileSync(bin, ['seed', 'demo', '--db', target, '--people', '0']);
    const imported = spawnSync(bin, ['import', '--db', target, '--kind', 'people', file], { encoding: 'utf8' });
    assert.equal(imported.status, 0, imported.stderr);
    assert.equal(imported.stdout, `Đã nhập ${count} dòng (Cá nhân).\n`);
    const again = spawnSync(bin, ['import', '--db', target, '--kind', 'people', file], { encoding: 'utf8' });
    assert.equal(again.status, 1);
    // Title, subtitle, a blank row and the header come first: the people are rows 5 onwards.
    assert.match(again.stderr, /^Dòng 5, cột «Số CCCD»: Số CCCD \d{12} đã được dùng cho «.+» \(Trường THPT Chuyên Thái Bình\)\.$/m);
    assert.match(again.stderr, new RegExp(`^Tệp có ${count} lỗi trong ${count} dòng: chưa nhập dòng nào\\.$`, 'm'));
    const missing = spawnSync(bin, ['export', '--db', server.db.url, '--unit', 'KHONG.CO', file], { encoding: 'utf8' });
    assert.equal(missing.status, 1);
    assert.equal(missing.stderr, 'Lỗi: không có đơn vị mã KHONG.CO.\n');
    rmSync(dir, { recursive: true, force: true });
    await server.stop();
  });

  it('TDKT_DB is the default database', async () => {
    const server = await startServer('sqlite');
    const out = execFileSync(bin, ['user', 'list'], { encoding: 'utf8', env: { ...process.env, TDKT_DB: server.db.url } });
    assert.match(out, /^admin\s+Quản trị hệ thống/m);
    await server.stop();
  });

  it('user add, disable and enable through the command line', async () => {
    const server = await startServer('sqlite');
    const db = server.db.url;
    const add = spawnSync(bin, ['user', 'add', '--db', db, '--login', 'cb.xa', '--name', 'Lý Văn Bình', '--password-stdin', '--role', 'unit_officer@HY.X.VT'],
      { input: 'mat-khau-cli-2026\n', encoding: 'utf8' });
    assert.equal(add.status, 0, add.stderr);
    assert.match(add.stdout, /^Đã tạo người dùng cb\.xa \(id 14\)$/m);
    assert.equal((await call(server.url, 'POST', '/api/v1/auth/login', { json: { login: 'cb.xa', password: 'mat-khau-cli-2026' } })).status, 200);
    execFileSync(bin, ['user', 'disable', '--db', db, '--login', 'cb.xa']);
    const disabled = await call(server.url, 'POST', '/api/v1/auth/login', { json: { login: 'cb.xa', password: 'mat-khau-cli-2026' } });
    assert.equal(disabled.status, 403);
    assert.equal(disabled.body.error.message, 'Tài khoản đã bị vô hiệu hoá. Vui lòng liên hệ quản trị hệ thống.');
    const badRole = spawnSync(bin, ['user', 'grant', '--db', db, '--login', 'cb.xa', '--role', 'viewer'], { encoding: 'utf8' });
    assert.equal(badRole.status, 1);
    assert.match(badRole.stderr, /phải có dạng VAI_TRÒ@MÃ_ĐƠN_VỊ/);
    await server.stop();
  });
});

for (const backend of ['sqlite', 'postgresql']) {
  describe(`audit verify on ${backend}`, () => {
    it('passes on an intact log and names the first broken entry after a direct edit', async () => {
      const server = await startServer(backend);
      await server.halt();
      const ok = spawnSync(bin, ['audit', 'verify', '--db', server.db.url], { encoding: 'utf8' });
      assert.equal(ok.status, 0, ok.stderr);
      assert.equal(ok.stdout, 'Nhật ký toàn vẹn: 104 bản ghi, chuỗi mã băm khớp.\n');
      // An intruder with database access drops the guard and edits entry 5.
      const sql = backend === 'sqlite'
        ? ['sqlite3', [server.db.url.slice('sqlite:'.length), 'DROP TRIGGER audit_log_append_only_update; UPDATE audit_log SET after_json = \'{"name":"Giả mạo"}\' WHERE id = 5;']]
        : ['psql', [server.db.url, '-q', '-c', 'DROP TRIGGER audit_log_append_only ON audit_log; UPDATE audit_log SET after_json = \'{"name":"Giả mạo"}\' WHERE id = 5;']];
      execFileSync(sql[0], sql[1]);
      const broken = spawnSync(bin, ['audit', 'verify', '--db', server.db.url], { encoding: 'utf8' });
      assert.equal(broken.status, 1);
      assert.equal(broken.stderr, 'Nhật ký bị can thiệp: bản ghi đầu tiên bị hỏng là #5. Nội dung bản ghi không khớp mã băm: bản ghi đã bị sửa.\n');
      server.db.drop();
    });
  });
}
