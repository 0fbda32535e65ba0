// The secret ballot under concurrency, through the API on both databases (docs/council.md): a
// member's two simultaneous votes on one item give one vote and one refusal; members voting while
// the secretary closes the ballot are either counted or told it has closed, never accepted and
// lost. The dossier is the demo's one waiting for appraisal (`tdkt seed demo --dossiers`).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, login, tdkt } from '../lib/server.mjs';

for (const backend of ['sqlite', 'postgresql']) {
  describe(`ballot under concurrency on ${backend}`, () => {
    let server;
    let base;
    let meeting;
    let secretary;
    let firstItem;
    const tokens = {};
    before(async () => {
      server = await startServer(backend);
      base = server.url;
      tdkt(['seed', 'demo', '--db', server.db.url, '--dossiers']);
      const specialist = (await login(base, 'chuyenvien')).token;
      const waiting = (await call(base, 'GET', '/api/v1/dossiers?state=received', { token: specialist })).body.items;
      assert.equal(waiting.length, 1);
      const id = waiting[0].id;
      const dossier = (await call(base, 'GET', `/api/v1/dossiers/${id}`, { token: specialist })).body;
      for (const n of dossier.nominees)
        if (n.eligibility.verdict !== 'eligible')
          assert.equal((await call(base, 'POST', `/api/v1/dossiers/${id}/nominees/${n.id}/override`, { token: specialist, json: { reason: 'Đã xác minh' } })).status, 204);
      for (const action of ['appraise', 'to_council']) {
        const moved = await call(base, 'POST', `/api/v1/dossiers/${id}/transitions`, { token: specialist, json: { action } });
        assert.equal(moved.status, 200, JSON.stringify(moved.body));
      }
      secretary = (await login(base, 'thuky.hd')).token;
      const council = (await call(base, 'GET', '/api/v1/councils', { token: secretary })).body.items[0].id;
      meeting = (await call(base, 'POST', `/api/v1/councils/${council}/meetings`, { token: secretary, json: { title: 'Phiên thử đồng thời', held_on: '15/12/2026' } })).body.id;
      assert.equal((await call(base, 'POST', `/api/v1/meetings/${meeting}/agenda`, { token: secretary, json: { dossier_id: id } })).status, 201);
      const view = (await call(base, 'GET', `/api/v1/meetings/${meeting}`, { token: secretary })).body;
      for (const m of view.members)
        assert.equal((await call(base, 'POST', `/api/v1/meetings/${meeting}/attendance`, { token: secretary, json: { member_id: m.id, present: true } })).status, 204);
      assert.equal((await call(base, 'POST', `/api/v1/meetings/${meeting}/open`, { token: secretary })).status, 204);
      for (const m of view.members) tokens[m.login] = (await login(base, m.login)).token;
    });
    after(async () => { await server.stop(); });

    const vote = (token, item, choice = 'agree') => call(base, 'POST', `/api/v1/meetings/${meeting}/votes`, { token, json: { item_id: item, choice } });

    it('a member\'s two simultaneous votes on one item: one counted, one refused', async () => {
      const member = tokens['uyvien.hd'];
      const item = (await call(base, 'GET', `/api/v1/meetings/${meeting}`, { token: member })).body.items.find((i) => !i.i_recused).id;
      firstItem = item;
      const both = await Promise.all([vote(member, item, 'agree'), vote(member, item, 'disagree')]);
      assert.deepEqual(both.map((r) => r.status).sort(), [204, 409]);
      assert.equal(both.find((r) => r.status === 409).body.error.code, 'already_voted');
      const after = (await call(base, 'GET', `/api/v1/meetings/${meeting}`, { token: member })).body.items.find((i) => i.id === item);
      assert.equal(after.votes, 1);
    });

    it('votes racing the closing are counted or refused, never lost', async () => {
      const accepted = new Map();  // item → votes answered 204
      const ballots = await Promise.all(Object.entries(tokens).map(async ([name, token]) => {
        const items = (await call(base, 'GET', `/api/v1/meetings/${meeting}`, { token })).body.items;
        return items.filter((i) => !i.i_recused && !i.i_voted).map((i) => [name, token, i.id]);
      }));
      const attempts = ballots.flat();
      const closing = (async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return call(base, 'POST', `/api/v1/meetings/${meeting}/close`, { token: secretary });
      })();
      const results = await Promise.all(attempts.map(async ([, token, item]) => [item, await vote(token, item)]));
      assert.equal((await closing).status, 204);
      for (const [item, r] of results) {
        if (r.status === 204) accepted.set(item, (accepted.get(item) ?? 0) + 1);
        else {
          assert.equal(r.status, 409, JSON.stringify(r.body));
          assert.equal(r.body.error.code, 'ballot_not_open');
        }
      }
      const closed = (await call(base, 'GET', `/api/v1/meetings/${meeting}`, { token: secretary })).body;
      assert.equal(closed.state, 'closed');
      for (const i of closed.items) {
        const counted = i.result.agree + i.result.disagree + i.result.abstain;
        assert.equal(counted, i.votes, `item ${i.id}: every receipt is in the count`);
        assert.equal(counted, (accepted.get(i.id) ?? 0) + (i.id === firstItem ? 1 : 0), `item ${i.id}: every vote answered 204 is counted`);
      }
    });
  });
}
