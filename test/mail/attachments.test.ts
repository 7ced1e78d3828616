import { beforeAll, describe, expect, it } from 'vitest';
import { buildClient, buildUser, type Caller, call, expectProblem, useTestApp } from '../support/app.js';
import { storeKinds } from '../support/stores.js';
import { exe, formData, png } from './support.js';

const LIMIT = 50_000;

describe.each(storeKinds)('ticket attachments API on %s', (kind) => {
  const t = useTestApp(kind, { env: { KEEL_ATTACHMENT_MAX_BYTES: String(LIMIT) } });
  let tech: Caller;
  let portal: Caller;
  let otherPortal: Caller;
  let ticketId: string;

  const upload = (who: Caller, id: string, parts: Parameters<typeof formData>[0]) => {
    const { payload, contentType } = formData(parts);
    return call(t.current, {
      method: 'POST',
      url: `/api/v1/tickets/${id}/attachments`,
      headers: { ...who.headers, 'content-type': contentType },
      payload,
    });
  };
  const get = (who: Caller, url: string) => call(t.current, { method: 'GET', url, headers: who.headers });
  const rows = async () =>
    Number((await t.current.store.executeSql('select count(*)::int as n from ticket_attachments')).rows[0].n);

  beforeAll(async () => {
    tech = await buildUser(t.current, 'technician');
    const clientId = (await buildClient(t.current)).id;
    const otherId = (await buildClient(t.current)).id;
    portal = await buildUser(t.current, 'portal', { clientId });
    otherPortal = await buildUser(t.current, 'portal', { clientId: otherId });
    const created = await call(t.current, {
      method: 'POST',
      url: '/api/v1/tickets',
      headers: tech.headers,
      payload: { clientId, subject: 'Scanner', description: 'It jams.' },
    });
    ticketId = created.data.id;
  });

  it('stores an upload with its sniffed type, size and hash, audited, and serves it back as a download', async () => {
    const res = await upload(tech, ticketId, [
      {
        name: 'file',
        filename: 'C:\\Users\\jane\\Störung #1.png',
        type: 'application/octet-stream',
        data: png,
      },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.data).toMatchObject({
      ticketId,
      messageId: null,
      filename: 'Störung #1.png',
      contentType: 'image/png',
      size: png.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const audit = await t.current.store.executeSql(
      `select changes from audit_log where action = 'attach' and entity_id = $1`,
      [ticketId],
    );
    expect(audit.rows[0].changes).toMatchObject({ attachmentId: res.data.id, filename: 'Störung #1.png' });

    const download = await get(tech, `/api/v1/tickets/${ticketId}/attachments/${res.data.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(png)).toBe(true);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="St_rung #1.png"; filename*=UTF-8''St%C3%B6rung%20%231.png`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');

    const text = await upload(tech, ticketId, [
      {
        name: 'file',
        filename: 'notes.html',
        type: 'text/html',
        data: Buffer.from('<script>alert(1)</script>'),
      },
    ]);
    // Text is kept, but never under a type a browser would run.
    expect(text.data.contentType).toBe('text/plain');
  });

  it('refuses files too large (413), of a refused kind (415), not multipart (415) or missing (400); writes nothing', async () => {
    const before = await rows();
    const big = await upload(tech, ticketId, [
      {
        name: 'file',
        filename: 'big.png',
        type: 'image/png',
        data: Buffer.concat([png, Buffer.alloc(LIMIT)]),
      },
    ]);
    expect(expectProblem(big, 413).code).toBe('PAYLOAD_TOO_LARGE');
    const program = await upload(tech, ticketId, [
      { name: 'file', filename: 'invoice.pdf', type: 'application/pdf', data: exe },
    ]);
    expect(expectProblem(program, 415).detail).toContain('application/x-msdownload');
    const binary = await upload(tech, ticketId, [
      { name: 'file', filename: 'blob.bin', data: Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]) },
    ]);
    expectProblem(binary, 415);
    const json = await call(t.current, {
      method: 'POST',
      url: `/api/v1/tickets/${ticketId}/attachments`,
      headers: tech.headers,
      payload: { file: 'nope' },
    });
    expectProblem(json, 415);
    expectProblem(await upload(tech, ticketId, [{ name: 'other', value: 'x' }]), 400);
    expectProblem(await upload(tech, ticketId, [{ name: 'messageId', value: 'not-a-uuid' }]), 400);
    expect(await rows()).toBe(before);
  });

  it('portal users see and add files on their own client’s tickets only, never those on internal notes', async () => {
    const note = await call(t.current, {
      method: 'POST',
      url: `/api/v1/tickets/${ticketId}/replies`,
      headers: tech.headers,
      payload: { body: 'Internal: serial number attached', public: false },
    });
    const onNote = await upload(tech, ticketId, [
      { name: 'messageId', value: note.data.message.id },
      { name: 'file', filename: 'serial.png', data: png },
    ]);
    expect(onNote.statusCode, onNote.body).toBe(201);
    expect(onNote.data.messageId).toBe(note.data.message.id);

    const mine = await upload(portal, ticketId, [{ name: 'file', filename: 'from-portal.png', data: png }]);
    expect(mine.statusCode, mine.body).toBe(201);
    const listed = await get(portal, `/api/v1/tickets/${ticketId}/attachments`);
    const names = listed.data.items.map((a: { filename: string }) => a.filename);
    expect(names).toContain('from-portal.png');
    expect(names).not.toContain('serial.png');
    expectProblem(await get(portal, `/api/v1/tickets/${ticketId}/attachments/${onNote.data.id}`), 404);
    // A portal user cannot tie a file to a note they cannot see.
    expectProblem(
      await upload(portal, ticketId, [
        { name: 'messageId', value: note.data.message.id },
        { name: 'file', filename: 'x.png', data: png },
      ]),
      422,
    );

    expectProblem(await get(otherPortal, `/api/v1/tickets/${ticketId}/attachments`), 404);
    expectProblem(await get(otherPortal, `/api/v1/tickets/${ticketId}/attachments/${mine.data.id}`), 404);
    expectProblem(await upload(otherPortal, ticketId, [{ name: 'file', filename: 'x.png', data: png }]), 404);
    const staffList = await get(tech, `/api/v1/tickets/${ticketId}/attachments`);
    expect(staffList.data.items.map((a: { filename: string }) => a.filename)).toContain('serial.png');
  });
});
