// Dossiers in Chromium (docs/workflow.md): a school's officer prepares a dossier on its pages (a
// nominee, a generated tờ trình, uploaded files); the school's leader submits it; the board's
// specialist, told by a notification, returns it once with a reason; the officer adds what was asked,
// the leader submits again, and the specialist appraises it and sends it to the council.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, demoPassword } from '../lib/server.mjs';
import { launchChromium, shots } from '../lib/browser.mjs';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('dossiers in Chromium', () => {
  let server;
  let browser;
  const pages = {};
  let dossierUrl;

  async function as(login) {
    if (pages[login]) return pages[login];
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1360, height: 1000 } });
    const page = await context.newPage();
    await page.goto(server.url + '/ho-so');
    await page.fill('#login', login);
    await page.fill('#password', demoPassword);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#dossier-table');
    pages[login] = page;
    return page;
  }

  // Performs a workflow action from the dossier page and waits for the new state.
  async function act(page, action, state, reason = '') {
    await page.goto(dossierUrl);
    await page.click(`#btn-${action}`);
    if (reason) await page.fill(`#reason-${action}`, reason);
    await page.click(`#confirm-${action}`);
    await page.waitForSelector(`#dossier-state[data-state="${state}"]`);
  }

  async function upload(page, type, nominee, name) {
    await page.selectOption('#u-type', type);
    await page.selectOption('#u-nominee', nominee ?? '');
    await page.setInputFiles('#u-file', { name, mimeType: 'application/pdf', buffer: pdf });
    const count = await page.locator('#document-table tbody tr[data-document]').count();
    await page.click('#upload-button');
    await page.waitForFunction((n) => document.querySelectorAll('#document-table tbody tr[data-document]').length > n, count);
  }

  before(async () => {
    server = await startServer('sqlite');
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the officer prepares a dossier: a nominee, a generated tờ trình and uploaded files', async () => {
    const page = await as('canbo.truong');
    await page.click('#new-dossier');
    await page.fill('#n-title', 'Đề nghị Bằng khen năm học 2024–2025');
    await page.fill('#n-year', '2025');
    await page.click('#create-dossier');
    await page.waitForSelector('#dossier-title');
    dossierUrl = page.url();
    assert.match(dossierUrl, /\/ho-so\/\d+$/);
    assert.equal(await page.getAttribute('#dossier-state', 'data-state'), 'draft');
    assert.match(await page.textContent('#no-actions'), /thủ trưởng đơn vị trình hồ sơ/);

    const person = await page.locator('#a-person option').nth(1);
    const name = (await person.textContent()).trim();
    await page.selectOption('#a-person', await person.getAttribute('value'));
    await page.selectOption('#a-award', 'BK_TINH');
    await page.click('#add-nominee');
    await page.waitForSelector('#nominee-table tr[data-nominee]');
    assert.equal((await page.textContent('#nominee-table tr[data-nominee] td:nth-child(2) a')).trim(), name);
    assert.deepEqual(await page.locator('#required-documents li').evaluateAll((lis) => lis.map((li) => [li.dataset.doc, li.dataset.present])),
      [['to_trinh', '0'], ['bien_ban_hoi_dong', '0'], ['bao_cao_thanh_tich', '0']]);

    await page.click('#generate-to_trinh');
    await page.waitForSelector('#required-documents li[data-doc="to_trinh"][data-present="1"]');
    await upload(page, 'bien_ban_hoi_dong', null, 'biên bản họp hội đồng.pdf');
    const nominee = await page.getAttribute('#nominee-table tr[data-nominee]', 'data-nominee');
    await upload(page, 'bao_cao_thanh_tich', nominee, 'bao-cao-thanh-tich.pdf');
    assert.equal(await page.locator('#required-documents li[data-present="0"]').count(), 0);
    assert.equal(await page.locator('#missing-count').count(), 0);
    const files = await page.locator('#document-table tbody tr[data-document] td:nth-child(2) a').allTextContents();
    assert.deepEqual(files.sort(), ['bao-cao-thanh-tich.pdf', 'biên bản họp hội đồng.pdf', `to-trinh-${(await page.textContent('#dossier-code')).trim()}.pdf`].sort());
    // A file that is not what it says is refused with a Vietnamese message, and nothing is added.
    await page.selectOption('#u-type', 'to_trinh');
    await page.selectOption('#u-nominee', '');
    await page.setInputFiles('#u-file', { name: 'to-trinh.pdf', mimeType: 'application/pdf', buffer: Buffer.from('chỉ là chữ') });
    await page.click('#upload-button');
    await page.waitForSelector('#form-error');
    assert.match(await page.textContent('#form-error'), /không phải loại được nhận/);
    assert.equal(await page.locator('#document-table tbody tr[data-document]').count(), 3);
  });

  it('the leader submits; the specialist, notified, returns it with a reason', async () => {
    const leader = await as('lanhdao.sgd');
    await act(leader, 'submit', 'submitted');
    assert.match(await leader.textContent('#timeline-list'), /Trình hồ sơ/);

    const board = await as('chuyenvien');
    await board.goto(server.url + '/');
    assert.equal((await board.textContent('#unread-count')).trim(), '1');
    await board.goto(server.url + '/thong-bao');
    await board.click('#notification-list li form button');
    await board.waitForSelector('#dossier-title');
    assert.equal(board.url(), dossierUrl);
    await act(board, 'receive', 'received');
    assert.match(await board.textContent('#dossier-due'), /^\d\d\/\d\d\/\d{4}$/);
    await act(board, 'return', 'returned', 'Thiếu báo cáo thành tích có xác nhận của Sở Giáo dục và Đào tạo');
    await board.screenshot({ path: shots + 'dossier-returned.png', fullPage: true });
  });

  it('the officer adds what was asked; submitted again, it is appraised and goes to the council', async () => {
    const officer = await as('canbo.truong');
    await officer.goto(dossierUrl);
    assert.match(await officer.textContent('#timeline-list'), /Lý do: Thiếu báo cáo thành tích có xác nhận của Sở Giáo dục và Đào tạo/);
    const nominee = await officer.getAttribute('#nominee-table tr[data-nominee]', 'data-nominee');
    await upload(officer, 'bao_cao_thanh_tich', nominee, 'bao-cao-co-xac-nhan.pdf');
    await act(await as('lanhdao.sgd'), 'submit', 'submitted');
    const board = await as('chuyenvien');
    await act(board, 'receive', 'received');
    await board.goto(dossierUrl);
    if ((await board.getAttribute('#nominee-table tr[data-nominee]', 'data-verdict')) === 'not_eligible') {
      assert.equal(await board.isDisabled('#btn-appraise'), true);
      assert.match(await board.textContent('#blocked-appraise'), /chưa ghi lý do vẫn trình/);
      await board.fill(`#ov-${nominee}`, 'Thành tích đột xuất đã được Sở xác nhận');
      await board.click(`#override-${nominee}`);
      await board.waitForSelector('#nominee-table [data-override]');
    }
    await act(board, 'appraise', 'appraised');
    await act(board, 'to_council', 'council');
    assert.equal((await board.textContent('#dossier-state')).trim(), 'Chờ Hội đồng xét');
    const steps = await board.locator('#timeline-list li .fw-semibold').allTextContents();
    assert.deepEqual(steps.reverse(), ['Lập hồ sơ', 'Trình hồ sơ', 'Tiếp nhận', 'Trả lại để bổ sung', 'Trình hồ sơ', 'Tiếp nhận',
      'Hoàn thành thẩm định', 'Trình Hội đồng']);
    // The officer can no longer change it.
    const officerAgain = await as('canbo.truong');
    await officerAgain.goto(dossierUrl);
    assert.equal(await officerAgain.locator('#nominee-form').count(), 0);
    assert.equal(await officerAgain.locator('#upload-form').count(), 0);
  });
});
