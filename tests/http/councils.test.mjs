// Setting up councils through the API on both databases (docs/council.md "Managing a council"): the
// board's leader creates a department's council and seats its members; one chair and one secretary;
// a member leaves and comes back; bad input names its fields and changes nothing; a unit officer
// may not touch it; each change is in the audit log.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, login } from '../lib/server.mjs';

for (const backend of ['sqlite', 'postgresql']) {
  describe(`councils API on ${backend}`, () => {
    let server;
    let base;
    let leader;
    let health;
    before(async () => {
      server = await startServer(backend);
      base = server.url;
      ({ token: leader } = await login(base, 'lanhdao.ban'));
      health = (await call(base, 'GET', '/api/v1/units?q=so%20y%20te', { token: leader })).body.items
        .find((u) => u.code === 'HY.SYT');
      assert.ok(health);
    });
    after(async () => { await server.stop(); });

    it('the board\'s leader creates a department\'s council; bad input and a second one are refused', async () => {
      const { token: officer } = await login(base, 'canbo.truong');
      const body = { unit_id: health.id, name: 'Hội đồng Thi đua – Khen thưởng Sở Y tế', recusal_rule: 'exclude', quorum_num: 2, quorum_den: 3 };
      assert.equal((await call(base, 'POST', '/api/v1/councils', { token: officer, json: body })).status, 403);
      const bad = await call(base, 'POST', '/api/v1/councils', { token: leader, json: { ...body, name: '', quorum_num: '7' } });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.error.fields.map((f) => f.field).sort(), ['name', 'quorum_num']);
      assert.equal((await call(base, 'GET', '/api/v1/councils', { token: leader })).body.items.length, 1);

      const created = await call(base, 'POST', '/api/v1/councils', { token: leader, json: body });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.unit, 'Sở Y tế');
      assert.deepEqual([created.body.quorum_num, created.body.quorum_den, created.body.members.length], [2, 3, 0]);
      const again = await call(base, 'POST', '/api/v1/councils', { token: leader, json: body });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.message, 'Sở Y tế đã có Hội đồng: Hội đồng Thi đua – Khen thưởng Sở Y tế.');
      assert.equal((await call(base, 'GET', '/api/v1/councils', { token: leader })).body.items.length, 2);
    });

    it('members take seats: one chair, one secretary; a member leaves and comes back', async () => {
      const council = (await call(base, 'GET', '/api/v1/councils', { token: leader })).body.items.find((c) => c.unit_id === health.id);
      const path = `/api/v1/councils/${council.id}`;
      const seat = (json) => call(base, 'POST', `${path}/members`, { token: leader, json });
      assert.equal((await seat({ login: 'uyvien3.hd', role: 'chair', title: 'Giám đốc Sở Y tế', unit_id: health.id })).status, 201);
      assert.equal((await seat({ login: 'chuyenvien', role: 'secretary' })).status, 201);
      const second = await seat({ login: 'uyvien4.hd', role: 'chair' });
      assert.equal(second.status, 422);
      assert.equal(second.body.error.message, 'Hội đồng đã có Chủ tịch: Trịnh Quốc Việt. Chuyển người này sang chức danh khác trước.');
      const unknown = await seat({ login: 'khong.co.ai', role: 'member' });
      assert.equal(unknown.status, 422);
      assert.equal(unknown.body.error.fields[0].field, 'login');
      const member = await seat({ login: 'uyvien4.hd', role: 'member' });
      assert.equal(member.status, 201);
      assert.equal((await call(base, 'PUT', `${path}/members/${member.body.id}`, { token: leader, json: { role: 'vice_chair', title: 'Phó Giám đốc Sở Y tế' } })).status, 204);
      let v = (await call(base, 'GET', path, { token: leader })).body;
      assert.deepEqual(v.members.map((m) => [m.login, m.role]), [['uyvien3.hd', 'chair'], ['chuyenvien', 'secretary'], ['uyvien4.hd', 'vice_chair']]);

      assert.equal((await call(base, 'DELETE', `${path}/members/${member.body.id}`, { token: leader })).status, 204);
      v = (await call(base, 'GET', path, { token: leader })).body;
      assert.equal(v.members.length, 2);
      assert.deepEqual(v.former_members.map((m) => m.login), ['uyvien4.hd']);
      assert.equal((await call(base, 'DELETE', `${path}/members/${member.body.id}`, { token: leader })).status, 404);
      const back = await seat({ login: 'uyvien4.hd', role: 'member' });
      assert.equal(back.body.id, member.body.id);
      v = (await call(base, 'GET', path, { token: leader })).body;
      assert.deepEqual([v.members.length, v.former_members.length], [3, 0]);

      // The rules change; the secretary by seat now plans meetings.
      assert.equal((await call(base, 'PUT', path, { token: leader, json: { name: 'Hội đồng TĐKT Sở Y tế', recusal_rule: 'count', quorum_num: '3', quorum_den: '4' } })).status, 204);
      v = (await call(base, 'GET', path, { token: leader })).body;
      assert.deepEqual([v.name, v.recusal_rule, v.quorum_num, v.quorum_den], ['Hội đồng TĐKT Sở Y tế', 'count', 3, 4]);
      const { token: secretary } = await login(base, 'chuyenvien');
      const meeting = await call(base, 'POST', `${path}/meetings`, { token: secretary, json: { title: 'Phiên họp tháng 12', held_on: '15/12/2026' } });
      assert.equal(meeting.status, 201, JSON.stringify(meeting.body));
      assert.equal((await call(base, 'GET', `/api/v1/meetings/${meeting.body.id}`, { token: secretary })).body.quorum_needed, 3);

      const audit = (await call(base, 'GET', '/api/v1/audit?entity_type=council&limit=50', { token: (await login(base, 'admin')).token })).body;
      const actions = audit.items.filter((e) => e.entity_id === String(council.id)).map((e) => e.action).sort();
      assert.deepEqual(actions, ['council.create', 'council.member_add', 'council.member_add', 'council.member_add', 'council.member_add',
        'council.member_remove', 'council.member_update', 'council.update']);
    });
  });
}
