// Units over time, people and records through the JSON API and the pages, on SQLite and PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, login } from '../lib/server.mjs';

for (const backend of ['sqlite', 'postgresql']) {
  describe(`organisation and people on ${backend}`, () => {
    let server;
    let base;
    let admin;
    before(async () => {
      server = await startServer(backend);
      base = server.url;
      admin = await login(base, 'admin');
    });
    after(async () => { await server.stop(); });

    const get = (path, who = admin) => call(base, 'GET', path, { token: who.token });
    const post = (path, json, who = admin) => call(base, 'POST', path, { token: who.token, json });
    const names = (r) => r.body.items.map((u) => u.name);

    it('the unit tree as of a date: districts before 1/7/2025, two tiers from it', async () => {
      const before = await get('/api/v1/units?as_of=2025-06-30');
      assert.equal(before.status, 200);
      assert.ok(names(before).includes('Huyện Vũ Thư'));
      assert.ok(names(before).includes('Tỉnh Thái Bình'));
      assert.ok(!names(before).includes('Xã Vũ Thư'));
      assert.equal(before.body.total, 59);
      const after = await get('/api/v1/units?as_of=2025-07-01');
      assert.ok(!names(after).includes('Huyện Vũ Thư'));
      assert.ok(names(after).includes('Xã Vũ Thư'));
      assert.equal(after.body.total, 26);
      const district = before.body.items.find((u) => u.name === 'Huyện Vũ Thư');
      assert.deepEqual([district.unit_type, district.unit_type_label, district.valid_to],
        ['district', 'Cấp huyện (trước 1/7/2025)', '2025-07-01']);
      const searched = await get('/api/v1/units?q=vu%20thu');
      assert.deepEqual(names(searched), ['Xã Vũ Thư']);
      const bad = await get('/api/v1/units?as_of=30-06-2025');
      assert.equal(bad.status, 422);
      assert.equal(bad.body.error.message, 'Ngày «30-06-2025» không hợp lệ; dùng dạng YYYY-MM-DD hoặc dd/mm/yyyy.');
    });

    it('a merged commune lists its predecessors and their awards', async () => {
      const vt = (await get('/api/v1/units?q=xa%20vu%20thu')).body.items[0];
      const detail = await get(`/api/v1/units/${vt.id}/history`);
      assert.equal(detail.status, 200);
      assert.deepEqual(detail.body.predecessors.map((u) => u.name).sort(), ['Thị trấn Vũ Thư', 'Xã Nguyên Xá', 'Xã Tam Quang']);
      assert.equal(detail.body.events[0].kind, 'merge');
      assert.ok(detail.body.awards.some((a) => a.subject_name === 'Xã Tam Quang'));
      assert.equal(detail.body.predecessor_ratings.length, 18);  // three communes × 2019–2024
    });

    it('merging two units through the API moves their people and keeps their records', async () => {
      const hy = (await get('/api/v1/units?q=tinh%20hung%20yen')).body.items[0];
      const a = await post('/api/v1/units', { code: 'API.A', name: 'Xã Thử Nghiệm A', unit_type: 'commune', parent_id: hy.id, effective_date: '2020-01-01', document: 'QĐ 1' });
      const b = await post('/api/v1/units', { code: 'API.B', name: 'Xã Thử Nghiệm B', unit_type: 'Xã', parent_id: hy.id, effective_date: '01/01/2020', document: 'QĐ 2' });
      assert.equal(a.status, 201);
      assert.equal(b.status, 201);
      const person = await post('/api/v1/people', { full_name: 'Tạ Thị Mơ', gender: 'female', birth_date: '1991-03-04', national_id: '034191000777', category: 'cong_chuc', unit_id: a.body.id, start_date: '2020-02-01' });
      assert.equal(person.status, 201, JSON.stringify(person.body));
      assert.equal((await post(`/api/v1/people/${person.body.id}/ratings`, { year: 2024, rating: 'HTXS' })).status, 204);
      const merged = await post('/api/v1/units/merge', { predecessor_ids: [a.body.id, b.body.id], new_unit: { code: 'API.C', name: 'Xã Thử Nghiệm', unit_type: 'commune', parent_id: hy.id }, effective_date: '2025-07-01', document: 'NQ sắp xếp' });
      assert.equal(merged.status, 201, JSON.stringify(merged.body));
      const file = await get(`/api/v1/people/${person.body.id}`);
      assert.equal(file.body.unit_id, merged.body.id);
      assert.deepEqual(file.body.memberships.map((m) => [m.unit_name, m.start_date, m.end_date]),
        [['Xã Thử Nghiệm A', '2020-02-01', '2025-07-01'], ['Xã Thử Nghiệm', '2025-07-01', null]]);
      assert.deepEqual(file.body.ratings.map((r) => [r.year, r.rating, r.rating_label]), [[2024, 'HTXS', 'Hoàn thành xuất sắc nhiệm vụ']]);
      const again = await post('/api/v1/units/merge', { predecessor_ids: [a.body.id], into_id: merged.body.id, effective_date: '2025-08-01', document: 'x' });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'unit_not_active');
      // A change dated ahead is refused: the current tree would show it before its day.
      const ahead = new Date(Date.now() + 3 * 86_400_000 + 7 * 3_600_000);
      const iso = ahead.toISOString().slice(0, 10);
      const vi = `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
      const future = await post(`/api/v1/units/${merged.body.id}/changes`, { name: 'Xã Thử Nghiệm Mới', effective_date: iso, document: 'NQ dự kiến' });
      assert.equal(future.status, 422);
      assert.deepEqual(future.body.error.fields.map((f) => [f.field, f.message]),
        [['effective_date', `Ngày hiệu lực ${vi} chưa đến: thay đổi của đơn vị được ghi khi đã có hiệu lực (từ ngày ${vi}), để cây đơn vị hiện tại luôn đúng.`]]);
      assert.equal((await get(`/api/v1/units/${merged.body.id}`)).body.name, 'Xã Thử Nghiệm');
    });

    it('people: national IDs checked with every problem listed, duplicates refused', async () => {
      const school = (await get('/api/v1/units?q=chuyen%20hung%20yen')).body.items[0];
      const bad = await post('/api/v1/people', { full_name: 'Lò Văn', gender: 'nam', national_id: '12345', category: 'x', unit_id: school.id });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.error.fields.map((f) => f.field), ['national_id', 'category']);
      assert.equal(bad.body.error.fields[0].message, 'Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số; «12345» có 5 ký tự.');
      const ok = await post('/api/v1/people', { full_name: 'Lò Văn Sính', gender: 'nam', birth_date: '02/09/1985', national_id: '014085000321', category: 'Viên chức', direct_worker: true, unit_id: school.id });
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      assert.deepEqual([ok.body.category, ok.body.direct_worker, ok.body.birth_date], ['vien_chuc', true, '1985-09-02']);
      const twice = await post('/api/v1/people', { full_name: 'Lò Văn Sính', gender: 'nam', national_id: '014085000321', category: 'vien_chuc', unit_id: school.id });
      assert.equal(twice.status, 409);
      assert.equal(twice.body.error.code, 'national_id_taken');
    });

    it('search folds accents and Đ/đ and sorts in Vietnamese order', async () => {
      const found = await get('/api/v1/people?q=DANG%20THI%20DAO');
      assert.equal(found.status, 200);
      assert.ok(found.body.items.length >= 1);
      assert.ok(found.body.items.every((p) => p.full_name === 'Đặng Thị Đào'));
      const page = await get('/api/v1/people?page_size=200');
      const given = page.body.items.map((p) => p.full_name.split(' ').pop());
      const order = ['An', 'Ân', 'Ấn', 'Bình', 'Dương', 'Đào'].map((n) => given.indexOf(n));
      assert.ok(order.every((i) => i >= 0));
      assert.deepEqual([...order].sort((x, y) => x - y), order);
    });

    it('a unit officer is refused on another unit’s people, through the API and the pages', async () => {
      const officer = await login(base, 'canbo.truong');
      const binh = (await get('/api/v1/people?q=pham%20thi%20binh')).body.items.find((p) => p.unit_name === 'Bệnh viện Đa khoa tỉnh Thái Bình');
      const api = await get(`/api/v1/people/${binh.id}`, officer);
      assert.equal(api.status, 403);
      assert.match(api.body.error.message, /^Bạn không có quyền xem hồ sơ cá nhân tại «Bệnh viện Đa khoa tỉnh Thái Bình»/);
      const write = await post(`/api/v1/people/${binh.id}/ratings`, { year: 2025, rating: 'HTT' }, officer);
      assert.equal(write.status, 403);
      const page = await fetch(`${base}/ca-nhan/${binh.id}`, { headers: { Cookie: officer.cookie } });
      assert.equal(page.status, 403);
      assert.match(await page.text(), /Bạn không có quyền xem hồ sơ cá nhân/);
      const mine = await get('/api/v1/people', officer);
      assert.ok(mine.body.items.length >= 1);
      assert.ok(mine.body.items.every((p) => p.unit_name === 'Trường THPT Chuyên Thái Bình'));
      assert.equal((await call(base, 'GET', `/api/v1/people/${binh.id}`)).status, 401);
    });

    it('Excel import: an exported list comes back refused row by row; the template imports', async () => {
      const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const exported = Buffer.from(await (await fetch(`${base}/ca-nhan.xlsx?q=dang%20thi%20dao`, { headers: { Cookie: admin.cookie } })).arrayBuffer());
      const before = (await get('/api/v1/people?page_size=1')).body.total;
      const again = await call(base, 'POST', '/api/v1/imports?kind=people', { token: admin.token, body: exported, headers: { 'Content-Type': xlsxType } });
      assert.equal(again.status, 422);
      assert.equal(again.body.error.code, 'import_rejected');
      assert.ok(again.body.error.problems.length >= 1);
      assert.deepEqual([again.body.error.problems[0].row, again.body.error.problems[0].column], [5, 'Số CCCD']);
      assert.match(again.body.error.problems[0].message, /^Số CCCD \d{12} đã được dùng cho «Đặng Thị Đào»/);
      assert.equal((await get('/api/v1/people?page_size=1')).body.total, before);
      const template = Buffer.from(await (await fetch(`${base}/nhap-du-lieu/mau/people.xlsx`, { headers: { Cookie: admin.cookie } })).arrayBuffer());
      const imported = await call(base, 'POST', '/api/v1/imports?kind=people', { token: admin.token, body: template, headers: { 'Content-Type': xlsxType } });
      assert.equal(imported.status, 200, JSON.stringify(imported.body));
      assert.deepEqual(imported.body, { rows: 1, imported: 1 });
      const hoa = await get('/api/v1/people?q=nguyen%20thi%20hoa');
      assert.ok(hoa.body.items.some((p) => p.national_id === '034186000123'));
      const notXlsx = await call(base, 'POST', '/api/v1/imports?kind=people', { token: admin.token, body: 'a;b', headers: { 'Content-Type': 'text/csv' } });
      assert.equal(notXlsx.status, 400);
      assert.equal(notXlsx.body.error.message, 'Tệp tải lên không phải tệp Excel (.xlsx).');
    });

    it('the people list exports to a real xlsx file', async () => {
      const res = await fetch(`${base}/ca-nhan.xlsx?q=dang`, { headers: { Cookie: admin.cookie } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.equal(bytes.subarray(0, 2).toString(), 'PK');
    });
  });
}
