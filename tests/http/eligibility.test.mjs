// The award catalogue, prize money and batch eligibility checking, through the API (both databases)
// and `tdkt check` (docs/eligibility.md).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, call, login, bin } from '../lib/server.mjs';

const example = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'examples', 'check-input.json'), 'utf8');

for (const backend of ['sqlite', 'postgresql']) {
  describe(`eligibility API on ${backend}`, () => {
    let server;
    let base;
    let token;
    before(async () => {
      server = await startServer(backend);
      base = server.url;
      ({ token } = await login(base, 'chuyenvien'));
    });
    after(async () => { await server.stop(); });

    it('the catalogue needs a session and shows the rule set in force on the date asked', async () => {
      assert.equal((await call(base, 'GET', '/api/v1/catalog')).status, 401);
      const before152 = await call(base, 'GET', '/api/v1/catalog?as_of=2025-06-30', { token });
      assert.equal(before152.status, 200);
      assert.equal(before152.body.rule_set.id, '2024-01-01');
      assert.equal(before152.body.rule_set.valid_to, '2025-07-01');
      const xa = (body) => body.awards.find((a) => a.code === 'XA_TIEU_BIEU');
      assert.equal(xa(before152.body).name, 'Xã, phường, thị trấn tiêu biểu');
      const after152 = await call(base, 'GET', '/api/v1/catalog?as_of=2025-07-01', { token });
      assert.equal(after152.body.rule_set.id, '2025-07-01');
      assert.equal(xa(after152.body).name, 'Xã, phường, đặc khu tiêu biểu');
      assert.deepEqual(after152.body.base_salary, {
        amount_vnd: 2340000, valid_from: '2024-07-01', legal_ref: 'NĐ 73/2024/NĐ-CP, Điều 3 k2', unconfirmed: false,
      });
      const ldtt = after152.body.awards.find((a) => a.code === 'LDTT');
      assert.deepEqual(ldtt.prize.individual, { multiplier: 0.3, amount_vnd: 710000 });
      assert.equal(ldtt.criteria.individual.merit[0].legal_ref, 'Luật TĐKT 2022, Điều 24 k1 điểm a');
      const cstdTinh = after152.body.awards.find((a) => a.code === 'CSTD_TINH');
      assert.deepEqual(cstdTinh.vote, { threshold_pct: 90, legal_ref: 'NĐ 98/2023/NĐ-CP, Điều 30 k7', unconfirmed: true });
      const hcld3 = after152.body.awards.find((a) => a.code === 'HCLD_3');
      assert.deepEqual(hcld3.public_consultation, { working_days: 10 });
      assert.deepEqual(hcld3.prize.collective, { multiplier: 9, amount_vnd: 21060000 });
      const old = await call(base, 'GET', '/api/v1/catalog?as_of=2023-06-01', { token });
      assert.equal(old.status, 404);
      assert.equal(old.body.error.message, 'Chưa có bộ quy định khen thưởng nào có hiệu lực vào ngày 01/06/2023.');
      const bad = await call(base, 'GET', '/api/v1/catalog?as_of=30/06/2025', { token });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.message, 'Tham số as_of: «30/06/2025» không phải ngày dạng YYYY-MM-DD.');
    });

    it('prize money: multiplier × base salary of the decision date, rounded up to 10,000 đồng', async () => {
      const prize = async (q) => call(base, 'GET', `/api/v1/prize?${q}`, { token });
      const ldtt = await prize('award=LDTT&subject_type=individual&decision_date=2025-12-20');
      assert.equal(ldtt.status, 200);
      assert.equal(ldtt.body.amount_vnd, 710000);
      assert.equal(ldtt.body.base_salary_vnd, 2340000);
      assert.equal(ldtt.body.legal_ref, 'NĐ 152/2025/NĐ-CP, Điều 49, 50');
      assert.equal((await prize('award=LDTT&subject_type=individual&decision_date=2024-06-30')).body.amount_vnd, 540000);
      assert.equal((await prize('award=TTLDTT&subject_type=collective&decision_date=2025-12-20')).body.amount_vnd, 1880000);
      assert.equal((await prize('award=BK_TTG&subject_type=collective&decision_date=2025-12-20')).body.amount_vnd, 16380000);
      const household = await prize('award=GIAY_KHEN&subject_type=household&decision_date=2025-12-20');
      assert.equal(household.body.amount_vnd, 1070000);
      assert.equal(household.body.unconfirmed, true);
      const unknown = await prize('award=XYZ&subject_type=individual&decision_date=2025-12-20');
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.error.message, 'Mã «XYZ» không có trong bộ quy định «Luật Thi đua, khen thưởng 2022 và Nghị định 152/2025/NĐ-CP».');
      const wrong = await prize('award=LDTT&subject_type=collective&decision_date=2025-12-20');
      assert.equal(wrong.body.error.message, '«Lao động tiên tiến» không tặng cho đối tượng «Tập thể».');
      assert.equal((await prize('award=LDTT')).body.error.message, 'Thiếu tham số decision_date (ngày dạng YYYY-MM-DD).');
    });

    it('a check document gets a verdict per proposal, with reasons, what is missing and the prize', async () => {
      const r = await call(base, 'POST', '/api/v1/eligibility/check', { token, json: JSON.parse(example) });
      assert.equal(r.status, 200);
      const [p1, u1] = r.body.results;
      assert.equal(p1.subject, 'p1');
      assert.equal(p1.verdict, 'not_eligible');
      assert.deepEqual(p1.reasons.filter((x) => !x.passed).map((x) => x.rule), ['discipline_year', 'CSTD_TINH.chain', 'CSTD_TINH.initiative']);
      assert.equal(p1.prize_vnd, null);
      assert.deepEqual(p1.missing, ['Sáng kiến/đề tài phạm vi cấp bộ, ngành, tỉnh trở lên, các năm 2023–2025']);
      assert.equal(u1.verdict, 'eligible');
      assert.equal(u1.prize_vnd, 3510000);
      assert.equal(u1.rule_set, '2025-07-01');
      assert.deepEqual(u1.council.map((x) => x.rule), ['TTLDXS.movement']);
    });

    it('a malformed document is refused with every bad field named, and nothing is checked', async () => {
      const r = await call(base, 'POST', '/api/v1/eligibility/check', {
        token,
        json: {
          subjects: [{ id: 'p1', type: 'robot', ratings: { 2025: 'XX', abcd: 'HTT' }, awards: [{ code: 'NOPE', year: 2025 }] }],
          proposals: [{ subject: 'p9', award: 'LDTT', year: '2025' }],
        },
      });
      assert.equal(r.status, 400);
      assert.equal(r.body.error.code, 'invalid_document');
      assert.deepEqual(r.body.error.fields.map((f) => f.field), [
        'subjects[0].type', 'subjects[0].ratings.2025', 'subjects[0].ratings.abcd', 'subjects[0].awards[0].code',
        'proposals[0].subject', 'proposals[0].year', 'proposals[0].decision_date',
      ]);
      assert.equal(r.body.error.fields[1].message, 'xếp loại phải là một trong: HTXS, HTT, HT, KHT');
      const notJson = await call(base, 'POST', '/api/v1/eligibility/check', { token, body: '{"subjects": [', headers: { 'Content-Type': 'application/json' } });
      assert.equal(notJson.status, 400);
      assert.equal(notJson.body.error.code, 'invalid_json');
      assert.equal((await call(base, 'POST', '/api/v1/eligibility/check', { json: JSON.parse(example) })).status, 401);
    });
  });
}

describe('tdkt check', () => {
  it('reads a document and writes the same verdicts as the API, to stdout or a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-check-'));
    const input = join(dir, 'in.json');
    writeFileSync(input, example);
    const out = spawnSync(bin, ['check', '--input', input], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    const results = JSON.parse(out.stdout).results;
    assert.deepEqual(results.map((x) => [x.subject, x.award, x.verdict, x.prize_vnd]), [
      ['p1', 'CSTD_TINH', 'not_eligible', null], ['u1', 'TTLDXS', 'eligible', 3510000],
    ]);
    const file = join(dir, 'out.json');
    const written = spawnSync(bin, ['check', '--input', input, '--output', file], { encoding: 'utf8' });
    assert.equal(written.status, 0);
    assert.equal(written.stderr, `Đã kiểm tra 2 đề nghị, kết quả ghi vào ${file}.\n`);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), JSON.parse(out.stdout));
    writeFileSync(input, JSON.stringify({ subjects: [{ id: 'x', type: 'individual' }], proposals: [{ subject: 'x', award: 'LDTT', year: 2025, decision_date: '20/12/2025' }] }));
    const bad = spawnSync(bin, ['check', '--input', input], { encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.equal(bad.stdout, '');
    assert.equal(bad.stderr, 'Lỗi: proposals[0].decision_date: «20/12/2025» không phải ngày dạng YYYY-MM-DD\n');
    rmSync(dir, { recursive: true, force: true });
  });
});
