// Revoking an award entered by hand, through the API on both databases (docs/decisions.md
// "Revocation"): only the board's leader revokes; bad input names its fields and changes nothing;
// the award stays in the person's history with its revocation and stops counting for eligibility;
// the prize paid back is recorded once; a revoked award cannot be deleted.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, login } from '../lib/server.mjs';

for (const backend of ['sqlite', 'postgresql']) {
  describe(`award revocation API on ${backend}`, () => {
    let server;
    let base;
    let tokens;
    let person;
    let award;
    before(async () => {
      server = await startServer(backend);
      base = server.url;
      tokens = {};
      for (const name of ['lanhdao.ban', 'chuyenvien', 'canbo.truong', 'canbo.xa']) tokens[name] = (await login(base, name)).token;
      person = (await call(base, 'GET', '/api/v1/people?page_size=1', { token: tokens['canbo.truong'] })).body.items[0];
      assert.ok(person);
      const recorded = await call(base, 'POST', '/api/v1/awards', {
        token: tokens['canbo.truong'],
        json: {
          subject_type: 'individual', person_id: person.id, award_code: 'BK_TINH', year: 2019,
          decision_number: '431/QĐ-UBND', decision_date: '2020-02-14', authority: 'UBND tỉnh Thái Bình', prize_vnd: 1_490_000,
        },
      });
      assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
      award = recorded.body;
      assert.equal(award.revocation, null);
    });
    after(async () => { await server.stop(); });

    const counted = async () => {
      const file = (await call(base, 'GET', `/api/v1/people/${person.id}`, { token: tokens['lanhdao.ban'] })).body;
      return file.awards.find((a) => a.id === award.id);
    };
    const why = { reason: 'Hồ sơ thành tích kê khai sai', legal_ground: 'Luật Thi đua, khen thưởng 2022, Điều 93', decision: '7/QĐ-UBND ngày 06/01/2027' };

    it('only the board\'s leader revokes, and bad input changes nothing', async () => {
      for (const name of ['chuyenvien', 'canbo.truong', 'canbo.xa']) {
        const r = await call(base, 'POST', `/api/v1/awards/${award.id}/revoke`, { token: tokens[name], json: why });
        assert.equal(r.status, 403, name);
      }
      assert.equal((await call(base, 'POST', `/api/v1/awards/${award.id}/revoke`, { json: why })).status, 401);
      const bad = await call(base, 'POST', `/api/v1/awards/${award.id}/revoke`, { token: tokens['lanhdao.ban'], json: { reason: '', decision: '  ' } });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.error.fields.map((f) => f.field).sort(), ['decision', 'legal_ground', 'reason']);
      const notBool = await call(base, 'POST', `/api/v1/awards/${award.id}/revoke`, { token: tokens['lanhdao.ban'], json: { ...why, recover_prize: 'có' } });
      assert.equal(notBool.status, 422);
      assert.equal(notBool.body.error.message, 'Trường «recover_prize» phải là true hoặc false.');
      assert.equal((await call(base, 'POST', '/api/v1/awards/987654321/revoke', { token: tokens['lanhdao.ban'], json: why })).status, 404);
      assert.equal((await counted()).revocation, null);
    });

    it('the award stays in the history, marked revoked, with the prize to pay back', async () => {
      const r = await call(base, 'POST', `/api/v1/awards/${award.id}/revoke`, { token: tokens['lanhdao.ban'], json: why });
      assert.equal(r.status, 204, JSON.stringify(r.body));
      const again = await call(base, 'POST', `/api/v1/awards/${award.id}/revoke`, { token: tokens['lanhdao.ban'], json: why });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.message, 'Khen thưởng này đã bị thu hồi.');
      const kept = await counted();
      assert.deepEqual(
        [kept.revocation.reason, kept.revocation.legal_ground, kept.revocation.decision, kept.revocation.recovery, kept.revocation.recovered_at],
        [why.reason, why.legal_ground, why.decision, 'due', null],
      );
      const deleted = await call(base, 'DELETE', `/api/v1/awards/${award.id}`, { token: tokens['canbo.truong'] });
      assert.equal(deleted.status, 409);
      assert.equal(deleted.body.error.message, 'Khen thưởng đã bị thu hồi được giữ lại trong lịch sử, không xoá được.');
      const audit = await call(base, 'GET', `/api/v1/audit?entity_type=award&limit=5`, { token: (await login(base, 'admin')).token });
      assert.equal(audit.body.items.filter((e) => e.action === 'award.revoke' && e.entity_id === String(award.id)).length, 1);
    });

    it('the prize paid back is recorded once, by the board', async () => {
      assert.equal((await call(base, 'POST', `/api/v1/awards/${award.id}/recovered`, { token: tokens['canbo.truong'] })).status, 403);
      assert.equal((await call(base, 'POST', `/api/v1/awards/${award.id}/recovered`, { token: tokens.chuyenvien })).status, 204);
      const twice = await call(base, 'POST', `/api/v1/awards/${award.id}/recovered`, { token: tokens.chuyenvien });
      assert.equal(twice.status, 409);
      assert.equal(twice.body.error.code, 'nothing_to_recover');
      const kept = await counted();
      assert.equal(kept.revocation.recovery, 'recovered');
      assert.match(kept.revocation.recovered_at, /^\d{4}-\d\d-\d\dT/);
    });
  });
}
