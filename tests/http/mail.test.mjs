// Notifications by e-mail (docs/workflow.md "E-mail"): tdkt serves with --smtp pointing at a small
// SMTP listener of the test's own; the board's specialist sets an address on the account API; a
// school's leader submits a dossier; the specialist receives the notification as a UTF-8 e-mail with
// an absolute link, and the board's leader, who has no address, receives nothing.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { startServer, call, login, upload, pdfBytes } from '../lib/server.mjs';

// Just enough SMTP (RFC 5321) to take messages: each one as {from, to, data}.
function smtpListener() {
  const messages = [];
  const server = createServer((socket) => {
    socket.setEncoding('latin1');
    let buffer = '';
    let inData = false;
    let current = { to: [] };
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = Buffer.from(buffer.slice(0, end), 'latin1').toString('utf8');
          buffer = buffer.slice(end + 5);
          messages.push(current);
          current = { to: [] };
          inData = false;
          socket.write('250 2.0.0 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-test\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL') { current.from = /<(.*)>/.exec(line)[1]; socket.write('250 OK\r\n'); }
        else if (verb === 'RCPT') { current.to.push(/<(.*)>/.exec(line)[1]); socket.write('250 OK\r\n'); }
        else if (verb === 'DATA') { inData = true; socket.write('354 go on\r\n'); }
        else if (verb === 'QUIT') { socket.end('221 bye\r\n'); return; }
        else socket.write('250 OK\r\n');
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, messages, port: server.address().port })));
}

// RFC 2047 encoded words, decoded (the white space between two of them is not part of the text).
function decodeWord(value) {
  return value.replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b64) => Buffer.from(b64, 'base64').toString('utf8'));
}

describe('notifications by e-mail', () => {
  let smtp;
  let server;
  let base;
  before(async () => {
    smtp = await smtpListener();
    server = await startServer('sqlite', ['--smtp', `smtp://127.0.0.1:${smtp.port}`, '--smtp-from', 'tdkt@hungyen.gov.vn',
      '--public-url', 'https://tdkt.hungyen.gov.vn/', '--mail-every', '1']);
    base = server.url;
  });
  after(async () => {
    await server?.stop();
    smtp?.server.close();
  });

  it('the specialist with an address gets the submitted dossier\'s notification by e-mail; no one else does', async () => {
    const { token: board } = await login(base, 'chuyenvien');
    const bad = await call(base, 'PUT', '/api/v1/me/email', { token: board, json: { email: 'chuyenvien@' } });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.message, '«chuyenvien@» không phải địa chỉ thư điện tử hợp lệ (ví dụ: ten@sonv.hungyen.gov.vn).');
    assert.equal((await call(base, 'PUT', '/api/v1/me/email', { token: board, json: { email: 'chuyenvien@sonv.hungyen.gov.vn' } })).status, 204);
    assert.equal((await call(base, 'GET', '/api/v1/me', { token: board })).body.user.email, 'chuyenvien@sonv.hungyen.gov.vn');

    const { token: officer } = await login(base, 'canbo.truong');
    const { token: leader } = await login(base, 'lanhdao.sgd');
    const school = (await call(base, 'GET', '/api/v1/units?q=chuyen%20thai%20binh', { token: officer })).body.items[0];
    const id = (await call(base, 'POST', '/api/v1/dossiers', {
      token: officer, json: { title: 'Bằng khen tỉnh năm học 2024–2025', year: '2025', unit_id: school.id },
    })).body.id;
    const teacher = (await call(base, 'GET', `/api/v1/people?page_size=5&unit_id=${school.id}`, { token: officer })).body.items[0];
    const nominee = (await call(base, 'POST', `/api/v1/dossiers/${id}/nominees`, {
      token: officer, json: { subject_type: 'individual', person_id: teacher.id, award: 'BK_TINH' },
    })).body;
    assert.equal((await call(base, 'POST', `/api/v1/dossiers/${id}/documents/generate`, { token: officer, json: { doc_type: 'to_trinh' } })).status, 201);
    assert.equal((await upload(base, officer, `/api/v1/dossiers/${id}/documents`, { doc_type: 'bien_ban_hoi_dong' }, 'bien-ban.pdf', pdfBytes)).status, 201);
    assert.equal((await upload(base, officer, `/api/v1/dossiers/${id}/documents`, { doc_type: 'bao_cao_thanh_tich', nominee_id: nominee.id }, 'bao-cao.pdf', pdfBytes)).status, 201);
    const submitted = await call(base, 'POST', `/api/v1/dossiers/${id}/transitions`, { token: leader, json: { action: 'submit' } });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));

    // The sender runs every second.
    for (let i = 0; i < 100 && smtp.messages.length === 0; ++i) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1500));  // and nothing else comes
    assert.equal(smtp.messages.length, 1);
    const [mail] = smtp.messages;
    assert.equal(mail.from, 'tdkt@hungyen.gov.vn');
    assert.deepEqual(mail.to, ['chuyenvien@sonv.hungyen.gov.vn']);
    const [folded, body] = mail.data.split('\r\n\r\n');
    const head = folded.replace(/\r\n[ \t]/g, ' ');  // unfolded
    const header = (name) => decodeWord(new RegExp(`^${name}: (.*)$`, 'm').exec(head)[1]);
    const notice = (await call(base, 'GET', '/api/v1/notifications', { token: board })).body.items[0];
    assert.equal(header('Subject'), `[Thi đua – Khen thưởng] ${notice.message}`);
    const me = (await call(base, 'GET', '/api/v1/me', { token: board })).body.user;
    assert.equal(header('To'), `${me.display_name} <chuyenvien@sonv.hungyen.gov.vn>`);
    const text = Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8');
    assert.ok(text.includes(`Xem và xử lý: https://tdkt.hungyen.gov.vn/ho-so/${id}\n`), text);
    assert.ok(text.startsWith(`Kính gửi ${me.display_name},\n\n${notice.message}\n`), text);
  });
});
