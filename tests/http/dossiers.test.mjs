// Nomination dossiers through the API on both databases (docs/workflow.md): a school's officer
// prepares a draft, proposes a teacher and the school, each judged as the eligibility API judges
// them; another unit's officer sees nothing; bad input names its fields and changes nothing.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, call, login, upload, pdfBytes } from '../lib/server.mjs';

// The text of a PDF as poppler's pdftotext reads it.
function pdfText(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-pdf-'));
  try {
    writeFileSync(join(dir, 'f.pdf'), bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'f.pdf'), '-']).toString('utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const backend of ['sqlite', 'postgresql']) {
  describe(`dossiers API on ${backend}`, () => {
    let server;
    let base;
    let officer;
    let school;
    before(async () => {
      server = await startServer(backend);
      base = server.url;
      ({ token: officer } = await login(base, 'canbo.truong'));
      school = (await call(base, 'GET', '/api/v1/units?q=chuyen%20thai%20binh', { token: officer })).body.items[0];
      assert.equal(school.code, 'HY.SGDDT.THPTCTB');
    });
    after(async () => { await server.stop(); });

    it('a unit officer prepares a draft whose nominees carry the verdicts of the eligibility API', async () => {
      const created = await call(base, 'POST', '/api/v1/dossiers', {
        token: officer, json: { title: 'Đề nghị khen thưởng năm học 2024–2025', year: '2025', unit_id: school.id },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.match(created.body.code, /^HS-20\d\d-000001$/);
      assert.equal(created.body.state, 'draft');
      assert.equal(created.body.state_name, 'Dự thảo');
      assert.equal(created.body.procedure, 'full');
      const id = created.body.id;
      const people = (await call(base, 'GET', `/api/v1/people?page_size=5&unit_id=${school.id}`, { token: officer })).body.items;
      const teacher = people[0];
      const nominee = await call(base, 'POST', `/api/v1/dossiers/${id}/nominees`, {
        token: officer, json: { subject_type: 'individual', person_id: teacher.id, award: 'CSTDCS' },
      });
      assert.equal(nominee.status, 201, JSON.stringify(nominee.body));
      assert.equal(nominee.body.name, teacher.full_name);
      const collective = await call(base, 'POST', `/api/v1/dossiers/${id}/nominees`, {
        token: officer, json: { subject_type: 'collective', unit_id: school.id, award: 'Tập thể lao động xuất sắc' },
      });
      assert.equal(collective.status, 201, JSON.stringify(collective.body));
      assert.equal(collective.body.award, 'TTLDXS');

      const dossier = await call(base, 'GET', `/api/v1/dossiers/${id}`, { token: officer });
      assert.equal(dossier.status, 200);
      assert.equal(dossier.body.can_edit, true);
      assert.deepEqual(dossier.body.events.map((e) => [e.action, e.to, e.by]), [['create', 'draft', 'canbo.truong']]);
      assert.deepEqual(dossier.body.nominees.map((n) => [n.position, n.award, n.award_name]),
        [[1, 'CSTDCS', 'Chiến sĩ thi đua cơ sở'], [2, 'TTLDXS', 'Tập thể lao động xuất sắc']]);
      const today = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
      const check = await call(base, 'POST', '/api/v1/eligibility/check', {
        token: officer,
        json: { subjects: [{ id: 't', person_id: teacher.id }, { id: 's', unit_id: school.id }],
          proposals: [{ subject: 't', award: 'CSTDCS', year: 2025, decision_date: today },
            { subject: 's', award: 'TTLDXS', year: 2025, decision_date: today }] },
      });
      assert.equal(check.status, 200);
      assert.deepEqual(dossier.body.nominees.map((n) => [n.eligibility.verdict, n.eligibility.prize_vnd]),
        check.body.results.map((r) => [r.verdict, r.prize_vnd]));

      const removed = await call(base, 'DELETE', `/api/v1/dossiers/${id}/nominees/${nominee.body.id}`, { token: officer });
      assert.equal(removed.status, 204);
      assert.equal((await call(base, 'DELETE', `/api/v1/dossiers/${id}/nominees/${nominee.body.id}`, { token: officer })).status, 404);

      // Another unit's officer cannot read, list or edit it; the board lists it.
      const { token: other } = await login(base, 'canbo.xa');
      assert.equal((await call(base, 'GET', `/api/v1/dossiers/${id}`, { token: other })).status, 403);
      assert.equal((await call(base, 'GET', '/api/v1/dossiers', { token: other })).body.total, 0);
      const intrude = await call(base, 'POST', `/api/v1/dossiers/${id}/nominees`, {
        token: other, json: { subject_type: 'individual', person_id: teacher.id, award: 'LDTT' },
      });
      assert.equal(intrude.status, 403);
      const { token: board } = await login(base, 'chuyenvien');
      const listed = await call(base, 'GET', '/api/v1/dossiers?state=draft&year=2025', { token: board });
      assert.deepEqual(listed.body.items.map((d) => d.code), [created.body.code]);
      assert.equal((await call(base, 'GET', '/api/v1/dossiers?state=submitted', { token: board })).body.total, 0);
      assert.equal((await call(base, 'GET', '/api/v1/dossiers?due_before=1/12/2026', { token: board })).status, 400);
    });

    it('a dossier goes from draft, returned once, to the council: documents, guards, reasons, timeline, notifications', async () => {
      const { token: leader } = await login(base, 'lanhdao.sgd');
      const { token: board } = await login(base, 'chuyenvien');
      const created = await call(base, 'POST', '/api/v1/dossiers', {
        token: officer, json: { title: 'Bằng khen tỉnh năm học 2024–2025', year: '2025', unit_id: school.id },
      });
      const id = created.body.id;
      const teacher = (await call(base, 'GET', `/api/v1/people?page_size=5&unit_id=${school.id}`, { token: officer })).body.items[0];
      const nominee = (await call(base, 'POST', `/api/v1/dossiers/${id}/nominees`, {
        token: officer, json: { subject_type: 'individual', person_id: teacher.id, award: 'BK_TINH' },
      })).body;
      let dossier = (await call(base, 'GET', `/api/v1/dossiers/${id}`, { token: leader })).body;
      assert.deepEqual(dossier.required_documents.map((r) => [r.doc_type, r.nominee_id, r.present, r.can_generate]),
        [['to_trinh', null, false, true], ['bien_ban_hoi_dong', null, false, false], ['bao_cao_thanh_tich', nominee.id, false, false]]);
      assert.deepEqual(dossier.actions.map((a) => [a.action, a.ready]), [['submit', false], ['withdraw', true]]);

      // Submitting now is refused with every missing document named; nothing changes.
      const early = await call(base, 'POST', `/api/v1/dossiers/${id}/transitions`, { token: leader, json: { action: 'submit' } });
      assert.equal(early.status, 409);
      assert.equal(early.body.error.code, 'guard_failed');
      assert.match(early.body.error.message, /^Chưa thể «Trình hồ sơ»: còn thiếu giấy tờ: Tờ trình đề nghị khen thưởng; Biên bản họp/);

      const generated = await call(base, 'POST', `/api/v1/dossiers/${id}/documents/generate`, { token: officer, json: { doc_type: 'to_trinh' } });
      assert.equal(generated.status, 201, JSON.stringify(generated.body));
      assert.equal(generated.body.media_type, 'application/pdf');
      const download = await fetch(base + generated.body.url, { headers: { Authorization: `Bearer ${officer}` } });
      assert.equal(download.status, 200);
      assert.equal(download.headers.get('content-type'), 'application/pdf');
      const text = pdfText(Buffer.from(await download.arrayBuffer()));
      for (const expected of ['TỜ TRÌNH', 'Về việc đề nghị khen thưởng năm 2025', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO',
        'TRƯỜNG THPT CHUYÊN THÁI', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
        'Kính gửi: Hội đồng Thi đua – Khen thưởng tỉnh Hưng Yên', 'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;',
        'cho 1 cá nhân', 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: 1 cá nhân;', 'THỦ TRƯỞNG ĐƠN VỊ']) {
        assert.ok(text.includes(expected), `${expected} not in:\n${text}`);
      }
      // A text file named .pdf is refused by its content; real files are kept with their name.
      const fake = await upload(base, officer, `/api/v1/dossiers/${id}/documents`, { doc_type: 'bien_ban_hoi_dong' }, 'bien-ban.pdf', Buffer.from('không phải PDF'));
      assert.equal(fake.status, 422);
      assert.equal(fake.body.error.code, 'file_type_not_accepted');
      const minutes = await upload(base, officer, `/api/v1/dossiers/${id}/documents`, { doc_type: 'bien_ban_hoi_dong' }, 'biên bản họp.pdf', pdfBytes);
      assert.equal(minutes.status, 201, JSON.stringify(minutes.body));
      assert.equal(minutes.body.file_name, 'biên bản họp.pdf');
      const report = await upload(base, officer, `/api/v1/dossiers/${id}/documents`, { doc_type: 'bao_cao_thanh_tich', nominee_id: nominee.id }, 'bao-cao.pdf', pdfBytes);
      assert.equal(report.status, 201, JSON.stringify(report.body));

      // The officer prepares; only the leader submits. A stale version is refused.
      assert.equal((await call(base, 'POST', `/api/v1/dossiers/${id}/transitions`, { token: officer, json: { action: 'submit' } })).status, 403);
      const stale = await call(base, 'POST', `/api/v1/dossiers/${id}/transitions`, { token: leader, json: { action: 'submit', version: 1 } });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'dossier_changed');
      const version = (await call(base, 'GET', `/api/v1/dossiers/${id}`, { token: leader })).body.version;
      const submitted = await call(base, 'POST', `/api/v1/dossiers/${id}/transitions`, { token: leader, json: { action: 'submit', version } });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      assert.equal(submitted.body.state, 'submitted');
      assert.match(submitted.body.due_date, /^\d{4}-\d\d-\d\d$/);
      const notes = await call(base, 'GET', '/api/v1/notifications?unread=1', { token: board });
      assert.ok(notes.body.items.some((n) => n.link === `/ho-so/${id}` && n.message.includes('Trình hồ sơ')), JSON.stringify(notes.body));

      // The board returns it once (a reason is required), the unit resubmits, the board appraises.
      assert.equal((await call(base, 'POST', `/api/v1/dossiers/${id}/transitions`, { token: board, json: { action: 'receive' } })).status, 200);
      const noReason = await call(base, 'POST', `/api/v1/dossiers/${id}/transitions`, { token: board, json: { action: 'return' } });
      assert.equal(noReason.status, 422);
      assert.equal(noReason.body.error.message, 'Cần ghi lý do khi «Trả lại để bổ sung».');
      const returned = await call(base, 'POST', `/api/v1/dossiers/${id}/transitions`, { token: board, json: { action: 'return', reason: 'Thiếu báo cáo có xác nhận của Sở' } });
      assert.equal(returned.status, 200);
      assert.equal(returned.body.state, 'returned');
      const again = await upload(base, officer, `/api/v1/dossiers/${id}/documents`, { doc_type: 'bao_cao_thanh_tich', nominee_id: nominee.id }, 'bao-cao-co-xac-nhan.pdf', pdfBytes);
      assert.equal(again.status, 201);
      assert.equal((await call(base, 'POST', `/api/v1/dossiers/${id}/transitions`, { token: leader, json: { action: 'submit' } })).status, 200);
      assert.equal((await call(base, 'POST', `/api/v1/dossiers/${id}/transitions`, { token: board, json: { action: 'receive' } })).status, 200);
      dossier = (await call(base, 'GET', `/api/v1/dossiers/${id}`, { token: board })).body;
      if (dossier.nominees[0].eligibility.verdict === 'not_eligible') {
        const blocked = await call(base, 'POST', `/api/v1/dossiers/${id}/transitions`, { token: board, json: { action: 'appraise' } });
        assert.equal(blocked.status, 409);
        const override = await call(base, 'POST', `/api/v1/dossiers/${id}/nominees/${nominee.id}/override`, { token: board, json: { reason: 'Sở GD&ĐT đã xác nhận thành tích' } });
        assert.equal(override.status, 204);
      }
      const appraised = await call(base, 'POST', `/api/v1/dossiers/${id}/transitions`, { token: board, json: { action: 'appraise' } });
      assert.equal(appraised.status, 200, JSON.stringify(appraised.body));
      const council = await call(base, 'POST', `/api/v1/dossiers/${id}/transitions`, { token: board, json: { action: 'to_council' } });
      assert.equal(council.status, 200, JSON.stringify(council.body));
      dossier = (await call(base, 'GET', `/api/v1/dossiers/${id}`, { token: officer })).body;
      assert.equal(dossier.state_name, 'Chờ Hội đồng xét');
      assert.deepEqual(dossier.events.map((e) => e.action),
        ['create', 'submit', 'receive', 'return', 'submit', 'receive', 'appraise', 'to_council']);
      assert.equal(dossier.events[3].reason, 'Thiếu báo cáo có xác nhận của Sở');
      assert.equal(dossier.events[3].action_name, 'Trả lại để bổ sung');
      assert.equal(dossier.can_edit, false);
      // Nothing can be attached while the board holds it, by the unit.
      const late = await upload(base, officer, `/api/v1/dossiers/${id}/documents`, { doc_type: 'to_trinh' }, 'tt.pdf', pdfBytes);
      assert.equal(late.status, 403);
      const read = await call(base, 'POST', '/api/v1/notifications/read', { token: board, json: {} });
      assert.equal(read.status, 200);
      assert.equal((await call(base, 'GET', '/api/v1/notifications?unread=1', { token: board })).body.unread, 0);
    });

    it('bad input names every field and creates nothing', async () => {
      const before = (await call(base, 'GET', '/api/v1/dossiers', { token: officer })).body.total;
      const bad = await call(base, 'POST', '/api/v1/dossiers', {
        token: officer, json: { title: '', kind: 'khen bừa', year: '20', unit_id: school.id },
      });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.error.fields.map((f) => f.field), ['title', 'kind', 'year']);
      assert.equal((await call(base, 'GET', '/api/v1/dossiers', { token: officer })).body.total, before);
      assert.equal((await call(base, 'POST', '/api/v1/dossiers', { json: { title: 'x' } })).status, 401);
    });
  });
}
