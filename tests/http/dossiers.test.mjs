// Nomination dossiers through the API on both databases (docs/workflow.md): a school's officer
// prepares a draft, proposes a teacher and the school, each judged as the eligibility API judges
// them; another unit's officer sees nothing; bad input names its fields and changes nothing.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, login } from '../lib/server.mjs';

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
