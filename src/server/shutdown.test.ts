import { connect } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client.js';
import {
  embeddedClusterState,
  type FormLoad,
  numberedForm,
  prepareFormLoad,
  type ServerDatabase,
  serverDatabase,
  signInOver,
  startServerProcess,
} from './server-process-support.js';

const kind = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a new TCP connection is taken: 'accepted', or the error code that refused it. */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('accepted');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe(`R6: SIGTERM under load (${kind})`, () => {
  let database: ServerDatabase;
  let load: FormLoad;
  beforeAll(async () => {
    database = await serverDatabase(kind, 'sigterm');
    load = await prepareFormLoad(database, 400);
  }, 240_000);
  afterAll(() => database?.drop());

  it('stops taking connections, finishes what is in flight, closes the database and exits 0; nothing acknowledged is lost', async () => {
    const server = await startServerProcess(database.env);
    const cookies = await Promise.all(
      load.members.map((member) => signInOver(server.baseUrl, member.username, member.password)),
    );
    // The last pair is kept for a request whose body arrives only after the signal.
    const heldIndex = load.pairs.length - 1;
    const acknowledged = new Set<number>();
    const failuresBeforeSignal: string[] = [];
    let signalled = false;
    let next = 0;
    const phone = async () => {
      for (let index = next++; index < heldIndex; index = next++) {
        try {
          const response = await fetch(`${server.baseUrl}/api/v1/phone-form/submit`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ...load.pairs[index], form: numberedForm(index) }),
          });
          const body = await response.text();
          if (response.status === 200) acknowledged.add(index);
          else if (signalled) return;
          else failuresBeforeSignal.push(`${response.status} ${body}`);
        } catch (error) {
          if (!signalled) failuresBeforeSignal.push(String(error));
          return;
        }
      }
    };
    // Each member saves their self-criticism again and again, as the editor's autosave does.
    const lastSaved = load.members.map(() => ({ version: 1, duties: '' }));
    const saver = async (memberIndex: number) => {
      const member = load.members[memberIndex]!;
      for (let round = 1; ; round++) {
        const duties = `Lần lưu thứ ${round} của ${member.username}.`;
        try {
          const response = await fetch(`${server.baseUrl}/api/v1/self-criticisms/${member.selfCriticismId}`, {
            method: 'PATCH',
            headers: { 'content-type': 'application/json', cookie: cookies[memberIndex]! },
            body: JSON.stringify({ version: lastSaved[memberIndex]!.version, content: { duties } }),
          });
          const body = await response.json();
          if (response.status === 200) lastSaved[memberIndex] = { version: body.version, duties };
          else if (signalled) return;
          else failuresBeforeSignal.push(`${response.status} ${JSON.stringify(body)}`);
        } catch (error) {
          if (!signalled) failuresBeforeSignal.push(String(error));
          return;
        }
      }
    };
    const clients = [
      ...Array.from({ length: 12 }, phone),
      ...load.members.map((_, memberIndex) => saver(memberIndex)),
    ];
    while (acknowledged.size < 100 && next < heldIndex) await sleep(20);

    // A request in flight at the signal: its headers are in (the server says so with its
    // "100 Continue"), its body comes after.
    const held = load.pairs[heldIndex]!;
    const heldBody = JSON.stringify({ ...held, form: numberedForm(heldIndex) });
    const socket = connect(server.port, '127.0.0.1');
    let heldReply = '';
    let heldError = '';
    socket.on('data', (chunk) => {
      heldReply += chunk.toString('utf8');
    });
    socket.on('error', (error) => {
      heldError = String(error);
    });
    const heldClosed = new Promise((resolve) => socket.on('close', resolve));
    socket.write(
      `POST /api/v1/phone-form/submit HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(heldBody)}\r\n` +
        'Expect: 100-continue\r\n\r\n',
    );
    while (!heldReply.includes('100 Continue') && !heldError) await sleep(10);
    signalled = true;
    server.child.kill('SIGTERM');
    // The signal is handled between two requests' database work: give it a moment to arrive.
    let newConnection = await tryConnect(server.port);
    for (let tries = 0; newConnection === 'accepted' && tries < 100; tries++) {
      await sleep(50);
      newConnection = await tryConnect(server.port);
    }
    expect(newConnection).toBe('ECONNREFUSED');
    socket.write(heldBody);
    await heldClosed;
    expect(heldError).toBe('');
    expect(heldReply).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /);
    acknowledged.add(heldIndex);
    await Promise.all(clients);

    expect(failuresBeforeSignal).toEqual([]);
    expect(await server.exitCode).toBe(0);
    expect(server.output()).toContain('Đã dừng máy chủ.');
    if (kind === 'pglite') expect(embeddedClusterState(database)).toBe('shut down');

    const reopened = await database.open();
    try {
      const ballots = await queryRows<{ opinions: { text: string }[] }>(
        reopened.db,
        sql`select opinions from feedback_ballots where meeting_id = ${load.meetingId}`,
      );
      const stored = ballots.map((ballot) => Number(/phiếu số (\d+)/.exec(ballot.opinions[0]!.text)![1]));
      // Every acknowledged form is there, once, and nothing that was not acknowledged.
      expect(stored.sort((a, b) => a - b)).toEqual([...acknowledged].sort((a, b) => a - b));
      const [uses] = await queryRows<{ count: number }>(
        reopened.db,
        sql`select count(*)::int as count from feedback_code_uses`,
      );
      expect(uses!.count).toBe(acknowledged.size);
      for (const [memberIndex, member] of load.members.entries()) {
        const [row] = await queryRows<{ version: number; duties: string }>(
          reopened.db,
          sql`select version, content->>'duties' as duties from self_criticisms where id = ${member.selfCriticismId}`,
        );
        expect(row).toEqual(lastSaved[memberIndex]);
        expect(lastSaved[memberIndex]!.version).toBeGreaterThan(1);
      }
    } finally {
      await reopened.close();
    }
  }, 300_000);
});
