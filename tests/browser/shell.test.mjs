// The back office in a real browser (Debian's Chromium through playwright-core).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, demoPassword } from '../lib/server.mjs';
import { launchChromium, shots, expand } from '../lib/browser.mjs';

describe('back office in Chromium', () => {
  let server;
  let browser;
  before(async () => {
    server = await startServer('sqlite');
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage() {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // Script errors, and sub-resources (styles, scripts, fonts, icons) that failed to load. The
    // document's own status (401 for a wrong password, 403 for a refused page) is asserted per test.
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
    });
    page.on('response', (r) => {
      const type = r.request().resourceType();
      if (r.status() >= 400 && type !== 'document' && !r.request().headers()['hx-request']) problems.push(`${r.status()} ${r.url()}`);
    });
    return { page, problems };
  }

  async function signIn(page, login, password = demoPassword) {
    await page.goto(server.url + '/');
    assert.match(page.url(), /\/dang-nhap$/);
    await page.fill('#login', login);
    await page.fill('#password', password);
    await page.click('#login-form button[type=submit]');
  }

  it('a wrong password shows a clear Vietnamese error and keeps the login typed', async () => {
    const { page, problems } = await newPage();
    await signIn(page, 'admin', 'mat-khau-sai');
    await page.waitForSelector('#login-error');
    assert.equal(await page.textContent('#login-error'),
      'Tên đăng nhập hoặc mật khẩu không đúng. Còn 4 lần thử trước khi tài khoản bị tạm khoá.');
    assert.equal(await page.inputValue('#login'), 'admin');
    assert.equal(await page.inputValue('#password'), '');
    await page.screenshot({ path: shots + 'login-error.png' });
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('an administrator signs in, sees the shell with every menu, and signs out', async () => {
    const { page, problems } = await newPage();
    await signIn(page, 'admin');
    await page.waitForSelector('.sidebar');
    assert.equal(new URL(page.url()).pathname, '/');
    assert.deepEqual(await page.locator('.sidebar .nav-link').allTextContents(),
      ['Tổng quan', 'Đơn vị', 'Cá nhân', 'Nhập dữ liệu', 'Xét khen thưởng', 'Hồ sơ đề nghị', 'Hội đồng', 'Danh mục khen thưởng', 'Người dùng', 'Nhật ký hệ thống']);
    assert.equal(await page.textContent('h1'), 'Xin chào, Quản trị hệ thống');
    assert.deepEqual(await page.locator('.counter-label').allTextContents(),
      ['Đơn vị trong phạm vi', 'Người dùng', 'Thao tác hôm nay']);
    assert.deepEqual(await page.locator('.counter-value').allTextContents(), ['26', '13', '106']);
    await page.screenshot({ path: shots + 'dashboard-admin.png', fullPage: true });

    await page.click('.sidebar >> text=Nhật ký hệ thống');
    await page.waitForSelector('#audit-table');
    assert.equal(await page.locator('#audit-table tbody tr').count(), 50);  // one page of the 101 entries
    assert.equal(await page.locator('#audit-table tbody tr').first().locator('td').nth(3).textContent(), 'Đăng nhập');
    await page.screenshot({ path: shots + 'audit.png', fullPage: true });

    await page.click('#user-menu');
    await page.click('#logout-button');
    await page.waitForSelector('#login-form');
    assert.match(page.url(), /\/dang-nhap$/);
    await page.goto(server.url + '/nhat-ky');
    assert.match(page.url(), /\/dang-nhap\?next=%2Fnhat-ky$/);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('a unit officer sees only their units and no administration menu', async () => {
    const { page, problems } = await newPage();
    await signIn(page, 'canbo.truong');
    await page.waitForSelector('.sidebar');
    assert.deepEqual(await page.locator('.sidebar .nav-link').allTextContents(), ['Tổng quan', 'Đơn vị', 'Cá nhân', 'Nhập dữ liệu', 'Xét khen thưởng', 'Hồ sơ đề nghị', 'Hội đồng', 'Danh mục khen thưởng']);
    await page.click('.sidebar >> text=Đơn vị');
    await page.waitForSelector('#units-table');
    assert.deepEqual(await page.locator('#units-table tbody td:first-child').allTextContents(), ['Trường THPT Chuyên Thái Bình']);
    const res = await page.goto(server.url + '/nguoi-dung');
    assert.equal(res.status(), 403);
    assert.equal(await page.textContent('#error-message'), 'Chỉ quản trị hệ thống cấp tỉnh mới được quản lý người dùng.');
    await page.screenshot({ path: shots + 'forbidden.png' });
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('a user sets the e-mail address notifications go to from the account page', async () => {
    const { page, problems } = await newPage();
    await signIn(page, 'uyvien2.hd');
    await page.waitForSelector('.sidebar');
    await page.goto(page.url().replace(/\/[^/]*$/, '/tai-khoan'));
    await page.waitForSelector('#email-form');
    assert.equal(await page.inputValue('#e-email'), '');
    // The browser would stop an obviously wrong address itself; the server's own check is what counts.
    await page.evaluate(() => { document.querySelector('#e-email').type = 'text'; });
    await page.fill('#e-email', 'thu ha@sgddt');
    await page.click('#save-email');
    await page.waitForSelector('#email-error');
    assert.equal(await page.textContent('#email-error'), '«thu ha@sgddt» không phải địa chỉ thư điện tử hợp lệ (ví dụ: ten@sonv.hungyen.gov.vn).');
    assert.equal(await page.inputValue('#e-email'), 'thu ha@sgddt');  // kept as typed
    await page.fill('#e-email', 'thuha@sgddt.hungyen.gov.vn');
    await page.click('#save-email');
    await page.locator('#account-notice', { hasText: 'Đã lưu địa chỉ thư điện tử' }).waitFor();
    assert.equal(await page.inputValue('#e-email'), 'thuha@sgddt.hungyen.gov.vn');
    assert.match(await page.textContent('#email-form .form-text'), /Máy chủ chưa cấu hình gửi thư/);
    await page.screenshot({ path: shots + 'account-email.png', fullPage: true });
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('a user changes their own password from the account page', async () => {
    const { page, problems } = await newPage();
    await signIn(page, 'uyvien.hd');
    await page.waitForSelector('.sidebar');
    await page.click('#user-menu');
    await page.click('#account-link');
    await page.waitForSelector('#password-form');
    await page.fill('#p-current', 'sai-mat-khau-cu');
    await page.fill('#p-new', 'mat-khau-moi-2026');
    await page.fill('#p-confirm', 'mat-khau-moi-2026');
    await page.click('#password-form button[type=submit]');
    await page.waitForSelector('#account-error');
    assert.equal(await page.textContent('#account-error'), 'Mật khẩu hiện tại không đúng.');
    await page.fill('#p-current', demoPassword);
    await page.fill('#p-new', 'mat-khau-moi-2026');
    await page.fill('#p-confirm', 'mat-khau-moi-2026');
    await page.click('#password-form button[type=submit]');
    await page.waitForSelector('#account-notice');
    assert.equal(await page.textContent('#account-notice'), 'Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.');
    await page.screenshot({ path: shots + 'account.png', fullPage: true });
    await page.click('#user-menu');
    await page.click('#logout-button');
    await page.waitForSelector('#login-form');
    await signIn(page, 'uyvien.hd', 'mat-khau-moi-2026');
    await page.waitForSelector('.sidebar');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('adding a user with a mistake keeps what was typed and says what to fix', async () => {
    const { page, problems } = await newPage();
    await signIn(page, 'admin');
    await page.waitForSelector('.sidebar');
    await page.click('.sidebar >> text=Người dùng');
    await page.waitForSelector('#users-table');
    await expand(page, 'button[data-bs-target="#add-user"]');
    await page.fill('#f-login', 'canbo.yte');
    await page.fill('#f-name', 'Trịnh Thị Mai');
    await page.fill('#f-password', 'ngan');
    await page.selectOption('#f-role', 'unit_officer');
    await page.selectOption('#f-unit', 'HY.SYT');
    await page.click('#add-user-form button[type=submit]');
    await page.waitForSelector('#form-error');
    assert.equal(await page.textContent('#form-error'), 'Mật khẩu phải có ít nhất 10 ký tự.');
    assert.equal(await page.inputValue('#f-login'), 'canbo.yte');
    assert.equal(await page.inputValue('#f-name'), 'Trịnh Thị Mai');
    assert.equal(await page.inputValue('#f-role'), 'unit_officer');
    assert.equal(await page.inputValue('#f-unit'), 'HY.SYT');
    await page.screenshot({ path: shots + 'users-form-error.png', fullPage: true });
    await page.fill('#f-password', 'mat-khau-du-dai');
    await page.click('#add-user-form button[type=submit]');
    await page.waitForSelector('.alert-success');
    assert.equal(await page.textContent('.alert-success'), 'Đã thêm người dùng «canbo.yte».');
    assert.equal(await page.locator('#users-table tbody tr').count(), 14);
    await page.screenshot({ path: shots + 'users.png', fullPage: true });
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});
