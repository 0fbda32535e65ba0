// Eligibility in Chromium: the panel on a person's page gives the same answers as the API; a unit's
// suggestions download as the officer's list, which uploaded back gives the same verdicts.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { startServer, call, login, demoPassword, bin } from '../lib/server.mjs';
import { launchChromium, shots } from '../lib/browser.mjs';

const rows = async (page, table) => page.locator(`${table} tbody tr[data-award]`).evaluateAll((trs) =>
  trs.map((tr) => [tr.dataset.subject ?? '', tr.dataset.award, tr.dataset.verdict]));

describe('eligibility in Chromium', () => {
  let server;
  let browser;
  let page;
  before(async () => {
    server = await startServer('sqlite');
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1360, height: 1000 }, acceptDownloads: true });
    page = await context.newPage();
    await page.goto(server.url + '/ca-nhan?q=dang+thi+dao');
    await page.fill('#login', 'chuyenvien');
    await page.fill('#password', demoPassword);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#people-table');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a person's page shows each award's verdict for a year, as the API gives it", async () => {
    await page.locator('#people-table tbody tr a').first().click();
    await page.waitForSelector('#eligibility');
    const id = /\/ca-nhan\/(\d+)/.exec(page.url())[1];
    await page.fill('#e-year', '2025');
    await page.click('#eligibility-year button');
    await page.waitForURL(/nam=2025/);
    assert.equal((await page.textContent('#eligibility .card-header span')).trim(), 'Điều kiện khen thưởng năm 2025');
    const panel = await rows(page, '#eligibility-table');
    assert.deepEqual(panel.map((r) => r[1]), ['HCLD_1', 'HCLD_2', 'CSTD_TQ', 'HCLD_3', 'BK_TTG', 'CSTD_TINH', 'BK_TINH', 'CSTDCS', 'LDTT']);
    await page.locator('#eligibility').screenshot({ path: shots + 'eligibility-panel.png' });
    // The same proposals through the API, decided today, from the stored record.
    const { token } = await login(server.url, 'chuyenvien');
    const today = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
    const api = await call(server.url, 'POST', '/api/v1/eligibility/check', {
      token,
      json: { subjects: [{ id: 'dao', person_id: Number(id) }],
        proposals: panel.map((r) => ({ subject: 'dao', award: r[1], year: 2025, decision_date: today })) },
    });
    assert.equal(api.status, 200);
    const expected = api.body.results.map((r) => (r.reasons.some((x) => x.rule === 'once_per_achievement') ? 'held' : r.verdict));
    // The API evaluates the proposals together (a lower title proposed alongside counts); the panel
    // does the same with the titles of the year the person is eligible for.
    assert.deepEqual(panel.map((r) => r[2]), expected);
    // What is missing shows under each verdict that is neither met nor already held.
    const missingShown = await page.locator('#eligibility-table tbody tr[data-award]').evaluateAll((trs) =>
      trs.map((tr) => tr.textContent.includes('Còn thiếu')));
    assert.deepEqual(missingShown, api.body.results.map((r, i) => expected[i] !== 'held' && r.verdict !== 'eligible' && r.missing.length > 0));
    assert.ok(missingShown.some(Boolean), 'someone in the demo lacks something for a higher award');
  });

  it("a unit's page shows the unit's own verdicts for a year, as the API gives them", async () => {
    await page.goto(server.url + '/don-vi?q=thpt+chuyen+thai+binh');
    await page.locator('a', { hasText: 'Trường THPT Chuyên Thái Bình' }).first().click();
    await page.waitForSelector('#eligibility');
    const id = /\/don-vi\/(\d+)/.exec(page.url())[1];
    await page.fill('#e-year', '2025');
    await page.click('#eligibility-year button');
    await page.waitForURL(/nam=2025/);
    const panel = await rows(page, '#eligibility-table');
    assert.deepEqual(panel.map((r) => r[1]), ['HCLD_1', 'HCLD_2', 'HCLD_3', 'BK_TTG', 'BK_TINH', 'TTLDXS', 'TTLDTT']);
    const { token } = await login(server.url, 'chuyenvien');
    const today = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
    const api = await call(server.url, 'POST', '/api/v1/eligibility/check', {
      token,
      json: { subjects: [{ id: 'school', unit_id: Number(id) }],
        proposals: panel.map((r) => ({ subject: 'school', award: r[1], year: 2025, decision_date: today })) },
    });
    assert.equal(api.status, 200);
    assert.deepEqual(panel.map((r) => r[2]),
      api.body.results.map((r) => (r.reasons.some((x) => x.rule === 'once_per_achievement') ? 'held' : r.verdict)));
    assert.equal(await page.getAttribute('#panel-link', 'href'), `/don-vi/${id}/goi-y-khen-thuong?nam=2025`);
    await page.locator('#eligibility').screenshot({ path: shots + 'eligibility-unit-panel.png' });
    // A unit with sub-units is judged only when its year is asked: its figures read every member.
    await page.locator('.page-head a', { hasText: 'Sở Giáo dục và Đào tạo' }).click();
    await page.waitForSelector('#eligibility');
    assert.equal(await page.locator('#eligibility-table tbody tr[data-award]').count(), 0);
    assert.match(await page.textContent('#eligibility-table'), /chọn năm thành tích rồi bấm «Xem»/);
    await page.fill('#e-year', '2025');
    await page.click('#eligibility-year button');
    await page.waitForURL(/nam=2025/);
    const department = await rows(page, '#eligibility-table');
    const departmentId = Number(/\/don-vi\/(\d+)/.exec(page.url())[1]);
    const judged = await call(server.url, 'POST', '/api/v1/eligibility/check', {
      token,
      json: { subjects: [{ id: 'sgd', unit_id: departmentId }],
        proposals: department.map((r) => ({ subject: 'sgd', award: r[1], year: 2025, decision_date: today })) },
    });
    assert.equal(judged.status, 200);
    assert.deepEqual(department.map((r) => r[1]), ['HCLD_1', 'HCLD_2', 'HCLD_3', 'BK_TTG', 'BK_TINH', 'TTLDXS', 'TTLDTT']);
    assert.deepEqual(department.map((r) => r[2]),
      judged.body.results.map((r) => (r.reasons.some((x) => x.rule === 'once_per_achievement') ? 'held' : r.verdict)));
  });

  it('the catalogue pages show the rule set of the date asked, each award with its criteria, vote and prize', async () => {
    await page.click('nav a[href="/danh-muc-khen-thuong"]');
    await page.waitForSelector('#rule-set');
    await page.fill('#cat-date', '30/06/2025');
    await page.click('#catalog-date button');
    await page.waitForURL(/ngay=/);
    assert.equal(await page.textContent('#rule-set-name'), 'Luật Thi đua, khen thưởng 2022 và Nghị định 98/2023/NĐ-CP');
    await page.fill('#cat-date', '01/07/2025');
    await page.click('#catalog-date button');
    await page.waitForURL(/ngay=01%2F07%2F2025|ngay=01\/07\/2025/);
    assert.equal(await page.textContent('#rule-set-name'), 'Luật Thi đua, khen thưởng 2022 và Nghị định 152/2025/NĐ-CP');
    const { token } = await login(server.url, 'chuyenvien');
    const catalog = (await call(server.url, 'GET', '/api/v1/catalog?as_of=2025-07-01', { token })).body;
    const listed = await page.locator('.catalog-table tbody tr[data-code]').evaluateAll((trs) => trs.map((tr) => tr.dataset.code));
    assert.deepEqual([...listed].sort(), catalog.awards.map((a) => a.code).sort());
    assert.match(await page.textContent('tr[data-code="LDTT"]'), /Cá nhân: 710\.000 đồng/);
    await page.screenshot({ path: shots + 'catalog.png' });

    await page.click('tr[data-code="CSTDCS"] a');
    await page.waitForSelector('#criteria');
    assert.equal(await page.textContent('#award-name'), 'Chiến sĩ thi đua cơ sở');
    const cstdcs = catalog.awards.find((a) => a.code === 'CSTDCS');
    const top = await page.locator('.criteria-list > li').count();
    assert.equal(top, cstdcs.criteria.individual.merit.length);
    assert.equal(await page.locator('.criteria-parts > li').count(),
      cstdcs.criteria.individual.merit.reduce((n, c) => n + (c.criteria?.length ?? 0), 0));
    assert.equal((await page.textContent('#vote')).trim().startsWith(`Tỷ lệ phiếu đồng ý từ ${cstdcs.vote.threshold_pct}% trở lên`), true);
    assert.equal(await page.textContent('#prize .prize-amount'), '2.340.000 đồng');
    assert.equal(await page.locator('#versions li').count(), 2);
    await page.screenshot({ path: shots + 'catalog-award.png', fullPage: true });

    await page.goto(server.url + '/danh-muc-khen-thuong?ngay=31/02/2025');
    assert.match(await page.textContent('main'), /Ngày «31\/02\/2025» không hợp lệ/);
    const missing = await page.goto(server.url + '/danh-muc-khen-thuong/KHONG_CO');
    assert.equal(missing.status(), 404);
  });

  it("a unit's suggestions, downloaded as the list and uploaded back, get the same verdicts", async () => {
    await page.goto(server.url + '/don-vi?q=thpt+chuyen+thai+binh');
    await page.locator('a', { hasText: 'Trường THPT Chuyên Thái Bình' }).first().click();
    await page.click('#unit-suggestions');
    await page.waitForSelector('#suggestions-table');
    await page.fill('#s-year', '2025');
    await page.click('#suggest-year button');
    await page.waitForURL(/nam=2025/);
    const suggested = await rows(page, '#suggestions-table');
    assert.ok(suggested.length > 0, 'the demo school has people who qualify in 2025');
    assert.ok(suggested.every((r) => ['eligible', 'needs_evidence'].includes(r[2])));
    await page.screenshot({ path: shots + 'suggestions.png', fullPage: true });
    const download = page.waitForEvent('download');
    await page.click('#suggest-excel');
    const file = await (await download).path();
    assert.equal(readFileSync(file).subarray(0, 2).toString(), 'PK');  // an xlsx (zip) file

    await page.click('nav a[href="/xet-khen-thuong"]');
    await page.waitForSelector('#check-form');
    await page.setInputFiles('#c-file', file);
    await page.click('#check-button');
    await page.waitForSelector('#check-results');
    const checked = await rows(page, '#check-table');
    assert.deepEqual(checked, suggested);
    const count = async (id) => Number((await page.textContent(id)).replace(/\D/g, ''));
    assert.equal(await count('#count-eligible') + await count('#count-not-eligible') + await count('#count-needs-evidence'), checked.length);
    await page.screenshot({ path: shots + 'eligibility-check.png', fullPage: true });

    // The results as a workbook.
    await page.setInputFiles('#c-file', file);
    const results = page.waitForEvent('download');
    await page.click('#check-excel');
    const resultFile = await (await results).path();
    assert.equal(readFileSync(resultFile).subarray(0, 2).toString(), 'PK');
  });

  it('the full workbook template, uploaded as it is, is judged from its own sheets', async () => {
    await page.goto(server.url + '/xet-khen-thuong');
    const download = page.waitForEvent('download');
    await page.click('#check-full-template');
    const file = await (await download).path();
    await page.setInputFiles('#c-file', file);
    await page.fill('#c-date', '20/12/2025');
    await page.click('#check-button');
    await page.waitForSelector('#check-results');
    assert.deepEqual(await rows(page, '#check-table'), [['p1', 'CSTD_TINH', 'eligible'], ['t1', 'TTLDXS', 'eligible']]);
    assert.match(await page.textContent('#check-table'), /7\.020\.000/);
    assert.match(await page.textContent('#check-table'), /3\.510\.000/);
    // The same workbook through the command line, without a database.
    const named = file + '-hs.xlsx';
    copyFileSync(file, named);
    const out = spawnSync(bin, ['check', '--input', named], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    assert.deepEqual(JSON.parse(out.stdout).results.map((r) => [r.subject, r.award, r.verdict]),
      [['p1', 'CSTD_TINH', 'eligible'], ['t1', 'TTLDXS', 'eligible']]);
  });

  it('a file that is not a workbook is refused with a clear message', async () => {
    await page.goto(server.url + '/xet-khen-thuong');
    await page.setInputFiles('#c-file', { name: 'danh-sach.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a workbook') });
    await page.click('#check-button');
    await page.waitForSelector('#check-error');
    assert.match(await page.textContent('#check-error'), /Excel|xlsx/);
  });
});
