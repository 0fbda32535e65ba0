// Finding a person without accents and reading their history, in Chromium.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, demoPassword } from '../lib/server.mjs';
import { launchChromium, shots, expand } from '../lib/browser.mjs';

describe('people in Chromium', () => {
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

  it('an officer types a name without accents, opens the person and sees the years', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(server.url + '/ca-nhan');
    await page.fill('#login', 'chuyenvien');
    await page.fill('#password', demoPassword);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#people-search');
    await page.fill('#f-q', 'dang thi dao');
    await page.click('#search-button');
    await page.waitForURL(/q=dang(\+|%20)thi(\+|%20)dao/);
    await page.waitForSelector('#people-table');
    const first = page.locator('#people-table tbody tr').first();
    assert.equal(await first.locator('a').first().textContent(), 'Đặng Thị Đào');
    await page.screenshot({ path: shots + 'people-search.png', fullPage: true });
    await first.locator('a').first().click();
    await page.waitForSelector('#person-name');
    assert.equal(await page.textContent('#person-name'), 'Đặng Thị Đào');
    const years = await page.locator('#timeline-table tbody tr td:first-child').allTextContents();
    assert.deepEqual(years, ['2025', '2024', '2023', '2022', '2021', '2020', '2019']);
    assert.equal(await page.locator('#memberships li').count(), 1);
    await page.screenshot({ path: shots + 'person-page.png', fullPage: true });

    // The unit tree before the reform still shows the districts.
    await page.goto(server.url + '/don-vi?ngay=30/06/2025');
    const units = await page.locator('#units-table tbody td:first-child a').allTextContents();
    assert.ok(units.includes('Huyện Vũ Thư'));
    await page.goto(server.url + '/don-vi');
    const now = await page.locator('#units-table tbody td:first-child a').allTextContents();
    assert.ok(!now.includes('Huyện Vũ Thư'));
    await page.locator('#units-table a', { hasText: 'Xã Vũ Thư' }).click();
    await page.waitForSelector('#predecessors');
    assert.deepEqual((await page.locator('#predecessors li a').allTextContents()).sort(),
      ['Thị trấn Vũ Thư', 'Xã Nguyên Xá', 'Xã Tam Quang']);
    await page.screenshot({ path: shots + 'unit-merged.png', fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('an officer downloads the template, imports it, and a second import is refused with the row named', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url + '/nhap-du-lieu');
    await page.fill('#login', 'admin');
    await page.fill('#password', demoPassword);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#import-form');
    const template = await page.request.get(server.url + '/nhap-du-lieu/mau/people.xlsx');
    assert.equal(template.status(), 200);
    const file = { name: 'mau-nhap-people.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await template.body() };
    await page.setInputFiles('#i-file', file);
    await page.click('#import-button');
    await page.waitForSelector('#import-result');
    assert.equal(await page.textContent('#import-result'), 'Đã nhập 1 dòng.');
    await page.goto(server.url + '/nhap-du-lieu');
    await page.setInputFiles('#i-file', file);
    await page.click('#import-button');
    await page.waitForSelector('#problems-table');
    assert.match(await page.textContent('#import-result'), /chưa dòng nào được nhập/);
    const cells = await page.locator('#problems-table tbody tr td').allTextContents();
    assert.deepEqual(cells.slice(0, 2), ['5', 'Số CCCD']);
    assert.match(cells[2], /^Số CCCD 034186000123 đã được dùng cho «Nguyễn Thị Hoa»/);
    await page.screenshot({ path: shots + 'import-problems.png', fullPage: true });
    // Both imports are kept with their results: the upload page lists them, newest first.
    const resultUrl = page.url();
    await page.goto(server.url + '/nhap-du-lieu');
    const recent = page.locator('#recent-imports li');
    assert.equal(await recent.count(), 2);
    assert.deepEqual(await recent.locator('.badge').allTextContents(), ['Có dòng lỗi, chưa nhập', 'Đã nhập']);
    await recent.first().locator('a').click();
    await page.waitForSelector('#problems-table');
    assert.equal(page.url(), resultUrl);
    await context.close();
  });

  it('a board specialist merges a commune into another and splits one, from the unit pages', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', (d) => d.accept());
    await page.goto(server.url + '/don-vi');
    await page.fill('#login', 'chuyenvien');
    await page.fill('#password', demoPassword);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#units-table');

    // Xã Khoái Châu into Xã Tiền Hải: Tiền Hải continues and lists Khoái Châu among its predecessors.
    await page.locator('#units-table a', { hasText: 'Xã Tiền Hải' }).click();
    await page.waitForSelector('#unit-name');
    await expand(page, 'button[data-bs-target="#form-merge"]');
    // The new unit's fields show only when merging into a new unit.
    assert.equal(await page.isVisible('#m-new-unit'), false);
    await page.check('#m-new');
    assert.equal(await page.isVisible('#m-new-unit'), true);
    await page.check('#m-into');
    assert.equal(await page.isVisible('#m-new-unit'), false);
    await page.selectOption('#m-others', { label: 'Xã Khoái Châu' });
    await page.fill('#m-date', '01/11/2026');
    await page.fill('#m-doc', 'Nghị quyết 1/NQ-HĐND ngày 20/10/2026');
    await page.screenshot({ path: shots + 'unit-merge-form.png', fullPage: true });
    await page.click('#merge-button');
    // Tiền Hải may have had predecessors already: wait for the new one, not for the card.
    await page.locator('#predecessors li a', { hasText: 'Xã Khoái Châu' }).waitFor();
    assert.equal(await page.textContent('#unit-name'), 'Xã Tiền Hải');
    assert.ok((await page.locator('#predecessors li a').allTextContents()).includes('Xã Khoái Châu'));
    await page.goto(server.url + '/don-vi');
    assert.ok(!(await page.locator('#units-table tbody td:first-child a').allTextContents()).includes('Xã Khoái Châu'));

    // A split with one new unit is refused, the form shown again as typed.
    await page.locator('#units-table a', { hasText: 'Xã Quỳnh Phụ' }).click();
    await page.waitForSelector('#unit-name');
    // A form with several problems lists every one of them.
    await expand(page, 'button[data-bs-target="#form-change"]');
    await page.fill('#c-date', '31/02/2026');
    await page.fill('#c-doc', ' ');
    await page.click('#form-change button[type=submit]');
    await page.waitForSelector('#form-problems');
    assert.deepEqual(await page.locator('#form-problems li').allTextContents(), [
      'Ngày hiệu lực «31/02/2026» không phải ngày hợp lệ (dd/mm/yyyy).', 'Vui lòng nhập Văn bản quyết định.',
    ]);
    await expand(page, 'button[data-bs-target="#form-split"]');
    await page.fill('input[name=part_code_1]', 'HY.X.QPB');
    await page.fill('input[name=part_name_1]', 'Xã Quỳnh Phụ Bắc');
    await page.fill('#s-date', '01/11/2026');
    await page.fill('#s-doc', 'Nghị quyết 2/NQ-HĐND ngày 20/10/2026');
    await page.click('#split-button');
    // The change's error is still on the page until the split's answer replaces it: wait for that one.
    await page.locator('#form-error', { hasText: 'Chia tách' }).waitFor();
    assert.equal(await page.textContent('#form-error'), 'Chia tách cần ít nhất hai đơn vị mới.');
    assert.equal(await page.inputValue('input[name=part_name_1]'), 'Xã Quỳnh Phụ Bắc');
    assert.ok(await page.isVisible('#form-split'));
    // Two new units: Quỳnh Phụ ends, both succeed it, the second takes its people.
    await page.fill('input[name=part_code_2]', 'HY.X.QPN');
    await page.fill('input[name=part_name_2]', 'Xã Quỳnh Phụ Nam');
    await page.check('input[name=members_to][value="2"]');
    await page.click('#split-button');
    await page.waitForSelector('#successors');
    assert.deepEqual((await page.locator('#successors li a').allTextContents()).sort(), ['Xã Quỳnh Phụ Bắc', 'Xã Quỳnh Phụ Nam']);
    assert.match(await page.textContent('.page-head'), /chấm dứt hoạt động từ 01\/11\/2026/);
    await page.screenshot({ path: shots + 'unit-split.png', fullPage: true });
    await page.locator('#successors a', { hasText: 'Xã Quỳnh Phụ Nam' }).click();
    // Quỳnh Phụ's own page has predecessors too: wait for the new unit's page.
    await page.locator('#unit-name', { hasText: 'Xã Quỳnh Phụ Nam' }).waitFor();
    // Its predecessor, and the predecessor's own (the 2025 merger): the chain of history goes on.
    assert.deepEqual((await page.locator('#predecessors li a').allTextContents()).sort(),
      ['Thị trấn Quỳnh Côi', 'Xã Quỳnh Hải', 'Xã Quỳnh Phụ']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a board specialist records a discipline on a person page and deletes it again', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', (d) => d.accept());
    // Signed out, the search's address leads to the login page and, after it, back to the search.
    await page.goto(server.url + '/ca-nhan?q=pham+thi+binh');
    assert.match(page.url(), /\/dang-nhap\?next=%2Fca-nhan%3Fq%3Dpham%2520thi%2520binh$/);
    await page.fill('#login', 'chuyenvien');
    await page.fill('#password', demoPassword);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#people-table');
    assert.match(page.url(), /\/ca-nhan\?q=pham%20thi%20binh$/);
    assert.equal(await page.inputValue('#f-q'), 'pham thi binh');
    await page.locator('#people-table a', { hasText: 'Phạm Thị Bình' }).first().click();
    await page.waitForSelector('#person-name');
    const before = await page.locator('#disciplines li').count();
    await expand(page, 'button[data-bs-target="#form-discipline"]');
    await page.selectOption('#form-discipline select[name=form]', { label: 'Khiển trách' });
    await page.fill('#form-discipline input[name=decision]', 'Quyết định 9/QĐ-BV');
    await page.fill('#form-discipline input[name=start_date]', '01/03/2026');
    await page.fill('#form-discipline input[name=end_date]', '01/03/2027');
    await page.click('#form-discipline button[type=submit]');
    await page.waitForSelector('#disciplines li');
    assert.equal(await page.locator('#disciplines li').count(), before + 1);
    const item = page.locator('#disciplines li', { hasText: 'Quyết định 9/QĐ-BV' });
    assert.match(await item.textContent(), /^Khiển trách · 01\/03\/2026 – 01\/03\/2027 · Quyết định 9\/QĐ-BV/);
    await item.locator('button[aria-label="Xoá kỷ luật"]').click();
    // The page reloads after the deletion: wait for the row to go, not for a load the old page had.
    await page.locator('#disciplines li', { hasText: 'Quyết định 9/QĐ-BV' }).waitFor({ state: 'detached' });
    await page.waitForSelector('#person-name');
    assert.equal(await page.locator('#disciplines li', { hasText: 'Quyết định 9/QĐ-BV' }).count(), 0);
    assert.equal(await page.locator('#disciplines li').count(), before);
    assert.deepEqual(problems, []);
    await context.close();
  });
  it('the board\'s leader revokes an imported award on the person page; the specialist records the prize paid back', async () => {
    const open = async (login) => {
      const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.on('dialog', (d) => d.accept());
      await page.goto(server.url + '/ca-nhan?q=dang+thi+dao');
      await page.fill('#login', login);
      await page.fill('#password', demoPassword);
      await page.click('#login-form button[type=submit]');
      await page.locator('#people-table a', { hasText: 'Đặng Thị Đào' }).first().click();
      await page.waitForSelector('#person-name');
      return { context, page };
    };
    const year2022 = (page) => page.locator('#awards tr[data-award]').filter({ has: page.locator('td:first-child', { hasText: /^2022$/ }) });
    const leader = await open('lanhdao.ban');
    let row = year2022(leader.page);
    assert.equal(await row.count(), 1);
    assert.equal(await row.locator('[data-revoked]').count(), 0);
    await row.locator('summary').click();
    await row.locator('textarea[name=reason]').fill('Thành tích năm 2022 kê khai không đúng');
    assert.equal(await row.locator('input[name=legal_ground]').inputValue(), 'Luật Thi đua, khen thưởng 2022, Điều 93');
    await row.locator('input[name=decision]').fill('12/QĐ-UBND ngày 05/01/2027');
    assert.equal(await row.locator('label', { hasText: 'Thu hồi tiền thưởng 450.000 đồng' }).count(), 1);
    await row.locator('button[type=submit]').click();
    row = year2022(leader.page);
    await row.locator('[data-revoked]').waitFor();
    assert.match(await row.locator('[data-revoked]').textContent(), /Thành tích năm 2022 kê khai không đúng/);
    assert.match(await row.locator('[data-recovery="due"]').textContent(), /Phải nộp lại tiền thưởng 450\.000 đồng/);
    assert.equal(await row.locator('summary').count(), 0);  // no second revocation
    assert.deepEqual(await leader.page.locator('#timeline-table [data-revoked-title]').allTextContents(), ['Lao động tiên tiến · đã thu hồi']);
    await leader.page.screenshot({ path: shots + 'award-revoked.png', fullPage: true });
    await leader.context.close();

    // The specialist cannot revoke, but records the prize paid back.
    const specialist = await open('chuyenvien');
    assert.equal(await specialist.page.locator('#awards summary').count(), 0);
    row = year2022(specialist.page);
    await row.locator('button[data-recovered]').click();
    await specialist.page.locator('#awards [data-recovery="recovered"]').waitFor();
    assert.match(await specialist.page.textContent('#awards [data-recovery="recovered"]'), /^Đã nộp lại tiền thưởng ngày \d\d\/\d\d\/\d{4}$/);
    assert.equal(await specialist.page.locator('#awards [data-recovery="due"]').count(), 0);
    await specialist.context.close();
  });
});
