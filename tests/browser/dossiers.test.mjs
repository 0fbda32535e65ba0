// Dossiers in Chromium (docs/workflow.md): a school's officer prepares a dossier on its pages (a
// nominee, a generated tờ trình, uploaded files); the school's leader submits it; the board's
// specialist, told by a notification, returns it once with a reason; the officer adds what was asked,
// the leader submits again, and the specialist appraises it and sends it to the council; the
// secretary holds the meeting, members vote on a phone-sized screen, the minutes come out as PDF.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, demoPassword } from '../lib/server.mjs';
import { launchChromium, shots, expand } from '../lib/browser.mjs';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('dossiers in Chromium', () => {
  let server;
  let browser;
  const pages = {};
  let dossierUrl;

  async function as(login, viewport = { width: 1360, height: 1000 }) {
    if (pages[login]) return pages[login];
    const context = await browser.newContext({ locale: 'vi-VN', viewport });
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
    await expand(page, `#btn-${action}`);
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
    await expand(page, '#new-dossier');
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
    const due = (await board.textContent('#dossier-due')).trim();
    assert.match(due, /^\d\d\/\d\d\/\d{4}$/);
    // The list filtered by due date: due on that day is in, the day before is not; a bad date is said.
    const code = (await board.textContent('#dossier-code')).trim();
    const [d, m, y] = due.split('/').map(Number);
    const before = new Date(Date.UTC(y, m - 1, d - 1));
    const dayBefore = `${String(before.getUTCDate()).padStart(2, '0')}/${String(before.getUTCMonth() + 1).padStart(2, '0')}/${before.getUTCFullYear()}`;
    await board.goto(`${server.url}/ho-so?han_den=${encodeURIComponent(due)}`);
    assert.equal(await board.locator('#dossier-table tbody tr', { hasText: code }).count(), 1);
    assert.equal(await board.inputValue('#f-due'), due);
    await board.goto(`${server.url}/ho-so?han_den=${encodeURIComponent(dayBefore)}`);
    assert.equal(await board.locator('#dossier-table tbody tr', { hasText: code }).count(), 0);
    const bad = await board.goto(`${server.url}/ho-so?han_den=31%2F02%2F2027`);
    assert.equal(bad.status(), 422);
    assert.match(await board.textContent('#filter-error'), /^Hạn xử lý «31\/02\/2027» không phải ngày hợp lệ: nhập theo dạng ngày\/tháng\/năm, ví dụ \d\d\/\d\d\/\d{4}\.$/);
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

  it('the council meets: attendance, agenda, a secret ballot on phones, results and the minutes', async () => {
    const secretary = await as('thuky.hd');
    await secretary.goto(server.url + '/hoi-dong');
    const form = secretary.locator('form[id^="meeting-form-"]').first();
    await form.locator('input[name="title"]').fill('Phiên họp xét khen thưởng tháng 12/2026');
    await form.locator('button[type="submit"]').click();
    await secretary.waitForSelector('#meeting-title');
    const meetingUrl = secretary.url();
    await secretary.selectOption('#agenda-dossier', { index: 0 });
    await secretary.click('#add-agenda');
    await secretary.waitForSelector('#agenda-table tr[data-item]');
    // Four present is short of the quorum of five (2/3 of seven).
    const members = await secretary.locator('#attendance input[name="present"]').evaluateAll((xs) =>
      xs.map((x) => [x.value, x.nextElementSibling.textContent.trim()]));
    const tick = async (names) => {
      for (const [value, label] of members) {
        const box = secretary.locator(`#present-${value}`);
        if (names.some((n) => label.startsWith(n))) await box.check(); else await box.uncheck();
      }
      await secretary.click('#save-attendance');
      // The card is there before the answer too: wait for the count saved.
      await secretary.waitForSelector(`#attendance-head[data-present="${names.length}"]`);
    };
    await tick(['Nguyễn Hữu Nghĩa', 'Trần Văn Hùng', 'Phạm Minh Đức', 'Lê Thị Hoa']);
    await secretary.click('#open-voting');
    await secretary.waitForSelector('#form-error');
    assert.match(await secretary.textContent('#form-error'), /cần ít nhất 5/);
    await tick(['Nguyễn Hữu Nghĩa', 'Trần Văn Hùng', 'Phạm Minh Đức', 'Lê Thị Hoa', 'Trịnh Quốc Việt']);
    await secretary.click('#open-voting');
    await secretary.waitForSelector('#meeting-state[data-state="voting"]');

    // Members vote on their phones; a second vote is not possible.
    const phone = { width: 390, height: 844 };
    const ballotUrl = meetingUrl + '/bo-phieu';
    for (const [login, choice] of [['chutich.hd', 'agree'], ['lanhdao.ban', 'agree'], ['uyvien.hd', 'agree'], ['uyvien3.hd', 'disagree']]) {
      const page = await as(login, phone);
      await page.goto(ballotUrl);
      const item = page.locator('[data-item]').first();
      await item.locator(`button[value="${choice}"]`).click();
      await page.waitForSelector('[data-item] [data-voted]');
      assert.equal(await page.locator('[data-item] button[value="agree"]').count(), 0);
      if (login === 'chutich.hd') await page.screenshot({ path: shots + 'ballot-phone.png', fullPage: true });
    }
    const own = await as('thuky.hd');
    await own.goto(ballotUrl);
    await own.locator('[data-item] button[value="agree"]').first().click();
    await own.waitForSelector('[data-item] [data-voted]');
    // Before the count only how many voted is shown.
    await secretary.goto(meetingUrl);
    assert.match(await secretary.textContent('#agenda-table tr[data-item]'), /5 thành viên đã bỏ phiếu/);
    assert.equal(await secretary.locator('#agenda-table [data-result]').count(), 0);
    await secretary.click('#close-voting');
    await secretary.waitForSelector('#meeting-state[data-state="closed"]');
    // 4 agree of 6 (seven members, the education department's director recused for a teacher of its
    // school): more than half passes Bằng khen of the province.
    assert.equal(await secretary.getAttribute('#agenda-table [data-result]', 'data-result'), 'passed');
    assert.match(await secretary.textContent('#agenda-table [data-result]'), /4\/6 = 66,7%/);
    const minutes = await secretary.request.get(meetingUrl + '/bien-ban.pdf');
    assert.equal(minutes.status(), 200);
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-minutes-'));
    try {
      writeFileSync(join(dir, 'm.pdf'), await minutes.body());
      writeFileSync(shots + 'council-minutes.pdf', await minutes.body());
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'm.pdf'), '-']).toString('utf8');
      for (const expected of ['BIÊN BẢN', 'HỘI ĐỒNG THI ĐUA – KHEN', 'Họp Hội đồng Thi đua – Khen thưởng tỉnh Hưng Yên',
        'có mặt 5 thành viên', 'Trịnh Quốc Việt – Giám đốc Sở Y tế (Ủy viên)',
        'Bằng khen', 'Đạt (cần quá', '66,7%', 'THƯ KÝ HỘI ĐỒNG', 'CHỦ TỊCH HỘI ĐỒNG']) {
        assert.ok(text.includes(expected), `${expected} not in:\n${text}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await act(secretary, 'close_voting', 'voted');
  });

  it('the leader records and issues the decision, publishes it; a certificate\'s QR address verifies it, then says revoked', async () => {
    const leader = await as('lanhdao.ban');
    await leader.goto(dossierUrl);
    await leader.fill('#q-signer', 'Nguyễn Hữu Nghĩa');
    await leader.click('#record-decision');
    await leader.waitForSelector('#decision-summary');
    assert.match(await leader.textContent('#decision-summary'), /Quyết định số 1\/QĐ-UBND/);
    await act(leader, 'decide', 'decided');
    await act(leader, 'publish', 'published');
    await leader.goto(dossierUrl);
    const decisionPage = await leader.getAttribute('#decision-page-link', 'href');
    const certificates = await leader.request.get(server.url + (await leader.getAttribute('#certificates-link', 'href')));
    assert.equal(certificates.status(), 200);
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-certs-'));
    let verifyUrl;
    try {
      writeFileSync(join(dir, 'c.pdf'), await certificates.body());
      writeFileSync(shots + 'certificates.pdf', await certificates.body());
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'c.pdf'), '-']).toString('utf8');
      for (const expected of ['CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN', 'TẶNG', 'BẰNG KHEN', 'Quyết định số 1/QĐ-UBND', 'KT. CHỦ TỊCH', 'Nguyễn Hữu Nghĩa']) {
        assert.ok(text.includes(expected), `${expected} not in:\n${text}`);
      }
      verifyUrl = /Quét mã để xác minh: (\S+)/.exec(text)[1];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Anyone, signed in or not, opens the address the QR code holds.
    const visitor = await (await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } })).newPage();
    await visitor.goto(verifyUrl);
    assert.equal(await visitor.getAttribute('#verify-result', 'data-status'), 'valid');
    await visitor.screenshot({ path: shots + 'verify-valid.png', fullPage: true });
    await visitor.goto(server.url + '/xac-minh/khong-co-ma-nay');
    assert.equal(await visitor.getAttribute('#verify-result', 'data-status'), 'invalid');
    await visitor.goto(server.url + decisionPage);
    assert.match(await visitor.textContent('#decision-number'), /1\/QĐ-UBND/);
    assert.equal(await visitor.locator('#recipients tbody tr').count(), 1);
    assert.equal(await visitor.locator('#recipients form').count(), 0);  // no revocation for the public

    // The leader revokes it (Luật Điều 93); the same QR address now says so.
    await leader.goto(server.url + decisionPage);
    const row = leader.locator('#recipients tbody tr').first();
    await row.locator('summary').click();
    await row.locator('input[name="reason"]').fill('Kê khai thành tích không đúng sự thật');
    await row.locator('input[name="decision"]').fill('5/QĐ-UBND ngày 10/01/2027');
    await row.locator('button[id^="revoke-"]').click();
    await leader.waitForSelector('#recipients tbody tr >> text=Đã thu hồi');
    await visitor.goto(verifyUrl);
    assert.equal(await visitor.getAttribute('#verify-result', 'data-status'), 'revoked');
    assert.match(await visitor.textContent('#verify-result'), /Kê khai thành tích không đúng sự thật/);
  });

  it('the board\'s leader seats a new council member from the council page, and a second secretary is refused', async () => {
    const leader = await as('lanhdao.ban');
    // The dashboard lists this week's meeting (planned for today by the secretary above).
    await leader.goto(server.url + '/');
    assert.deepEqual(await leader.locator('#week-meetings li a').allTextContents(), ['Phiên họp xét khen thưởng tháng 12/2026']);
    assert.match(await leader.textContent('#week-meetings li'), /Đã kết thúc/);
    await leader.goto(server.url + '/hoi-dong');
    await leader.click('a[id^="council-link-"]');
    await leader.waitForSelector('#member-table');
    assert.equal(await leader.locator('#member-table tr[data-member]').count(), 7);
    await leader.fill('#am-login', 'chuyenvien');
    await leader.selectOption('#am-role', 'secretary');
    await leader.click('#add-member');
    await leader.locator('#form-error', { hasText: 'Hội đồng đã có Thư ký: Phạm Minh Đức' }).waitFor();
    assert.equal(await leader.inputValue('#am-login'), 'chuyenvien');  // kept as typed
    await leader.selectOption('#am-role', 'member');
    await leader.fill('#am-title', 'Chuyên viên Ban Thi đua – Khen thưởng');
    await leader.click('#add-member');
    await leader.waitForFunction(() => document.querySelectorAll('#member-table tr[data-member]').length === 8);
    assert.equal(await leader.locator('#form-error').count(), 0);
    await leader.screenshot({ path: shots + 'council-members.png', fullPage: true });
  });
});
