import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReleasedPhoneForms } from '../contract/phone-forms.js';
import { queryRows } from '../db/client.js';
import {
  embeddedClusterState,
  type FormLoad,
  numberedForm,
  prepareFormLoad,
  type ServerDatabase,
  type ServerProcess,
  serverDatabase,
  signInOver,
  startServerProcess,
} from './server-process-support.js';

const kind = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** 1000 codes × 2 members: 2000 phone forms; 100 saves by each member: 200 self-criticism saves. */
const CODES = 1000;
const SAVES_PER_MEMBER = 100;
const PHONE_CLIENTS = 16;
/** The server is killed once this many forms were acknowledged (the rest are sent after the restart). */
const KILL_AFTER_FORMS = 700;
/** A member saves again after this many more forms were acknowledged. */
const FORMS_PER_SAVE = 15;

type SaveState = { version: number; duties: string };

/** What the clients know when the server dies: acknowledged, and sent without an answer. */
interface Outcome {
  acknowledgedForms: Set<number>;
  unansweredForms: Set<number>;
  /** Per member: the last acknowledged save, and the save sent without an answer (if any). */
  saves: { acknowledged: SaveState; unanswered?: SaveState; done: number }[];
  unexpected: string[];
}

const dutiesOf = (username: string, round: number) => `Lần lưu thứ ${round} của ${username}.`;

/**
 * Phones send forms for pairs `from..to` and the members save their self-criticism until `stop()`
 * says so or the server stops answering. A refusal while the server runs is recorded as unexpected.
 */
function drive(server: ServerProcess, load: FormLoad, cookies: string[], outcome: Outcome, range: number[]) {
  let stopped = false;
  let cursor = 0;
  let phonesLeft = PHONE_CLIENTS;
  const phone = async () => {
    try {
      await sendForms();
    } finally {
      phonesLeft--;
    }
  };
  const sendForms = async () => {
    while (!stopped && cursor < range.length) {
      const index = range[cursor++]!;
      outcome.unansweredForms.add(index);
      let response: Response;
      try {
        response = await fetch(`${server.baseUrl}/api/v1/phone-form/submit`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...load.pairs[index], form: numberedForm(index) }),
        });
        await response.arrayBuffer();
      } catch {
        return; // The server is gone: the answer never came.
      }
      outcome.unansweredForms.delete(index);
      if (response.status === 200) outcome.acknowledgedForms.add(index);
      else outcome.unexpected.push(`form ${index}: ${response.status}`);
    }
  };
  const saver = async (memberIndex: number) => {
    const member = load.members[memberIndex]!;
    const state = outcome.saves[memberIndex]!;
    while (!stopped && state.done < SAVES_PER_MEMBER) {
      // Saves are spread over the forms, so that the kill finds both under way.
      while (phonesLeft > 0 && outcome.acknowledgedForms.size < state.done * FORMS_PER_SAVE) await sleep(5);
      const next = { version: state.acknowledged.version, duties: dutiesOf(member.username, state.done + 1) };
      state.unanswered = next;
      let response: Response;
      try {
        response = await fetch(`${server.baseUrl}/api/v1/self-criticisms/${member.selfCriticismId}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', cookie: cookies[memberIndex]! },
          body: JSON.stringify({ version: next.version, content: { duties: next.duties } }),
        });
      } catch {
        return;
      }
      const body = (await response.json().catch(() => ({}))) as { version?: number };
      state.unanswered = undefined;
      if (response.status !== 200) {
        outcome.unexpected.push(`save of ${member.username}: ${response.status}`);
        return;
      }
      state.acknowledged = { version: body.version!, duties: next.duties };
      state.done++;
    }
  };
  const all = Promise.all([
    ...Array.from({ length: PHONE_CLIENTS }, phone),
    ...load.members.map((_, memberIndex) => saver(memberIndex)),
  ]);
  return {
    done: all,
    stop: () => {
      stopped = true;
    },
  };
}

describe(`R1: SIGKILL during phone forms and self-criticism saves (${kind})`, () => {
  let database: ServerDatabase;
  let load: FormLoad;
  beforeAll(async () => {
    database = await serverDatabase(kind, 'crash');
    load = await prepareFormLoad(database, CODES);
  }, 300_000);
  afterAll(() => database?.drop());

  it('keeps every acknowledged write and nothing half-written; the restarted server finishes the job', async () => {
    const outcome: Outcome = {
      acknowledgedForms: new Set(),
      unansweredForms: new Set(),
      saves: load.members.map(() => ({ acknowledged: { version: 1, duties: '' }, done: 0 })),
      unexpected: [],
    };
    const all = load.pairs.map((_, index) => index);

    // 1. Load, then SIGKILL in the middle of it.
    let server = await startServerProcess(database.env);
    let cookies = await Promise.all(
      load.members.map((member) => signInOver(server.baseUrl, member.username, member.password)),
    );
    const first = drive(server, load, cookies, outcome, all);
    while (outcome.acknowledgedForms.size < KILL_AFTER_FORMS) await sleep(10);
    server.child.kill('SIGKILL');
    await first.done;
    expect(await server.exitCode).toBeNull();
    expect(outcome.unexpected).toEqual([]);
    expect(outcome.acknowledgedForms.size).toBeGreaterThanOrEqual(KILL_AFTER_FORMS);
    expect(outcome.acknowledgedForms.size).toBeLessThan(load.pairs.length);
    if (kind === 'pglite') expect(embeddedClusterState(database)).toBe('in production');

    // 2. The data as the crash left it: every acknowledged write, nothing half-written.
    const reopened = await database.open();
    try {
      const ballots = await queryRows<{
        selfCriticismId: string;
        opinions: { area: string; text: string }[];
      }>(
        reopened.db,
        sql`select self_criticism_id as "selfCriticismId", opinions from feedback_ballots
            where meeting_id = ${load.meetingId}`,
      );
      const stored = new Set<number>();
      for (const ballot of ballots) {
        const index = Number(/phiếu số (\d+)\./.exec(ballot.opinions[0]!.text)![1]);
        expect(stored.has(index)).toBe(false);
        stored.add(index);
        // The whole form, for the member it was sent about.
        expect(ballot.selfCriticismId).toBe(load.pairs[index]!.selfCriticismId);
        const form = numberedForm(index);
        expect(ballot.opinions.map((opinion) => opinion.text).sort()).toEqual(
          [form.strengths.duties, form.shortcomings.discipline, form.proposals].sort(),
        );
      }
      for (const index of outcome.acknowledgedForms) expect(stored.has(index), `form ${index}`).toBe(true);
      for (const index of stored) {
        expect(outcome.acknowledgedForms.has(index) || outcome.unansweredForms.has(index)).toBe(true);
      }
      const [uses] = await queryRows<{ count: number }>(
        reopened.db,
        sql`select count(*)::int as count from feedback_code_uses`,
      );
      expect(uses!.count).toBe(stored.size);
      for (const [memberIndex, member] of load.members.entries()) {
        const [row] = await queryRows<SaveState>(
          reopened.db,
          sql`select version, content->>'duties' as duties from self_criticisms where id = ${member.selfCriticismId}`,
        );
        const state = outcome.saves[memberIndex]!;
        const inFlight = state.unanswered && {
          version: state.unanswered.version + 1,
          duties: state.unanswered.duties,
        };
        expect([state.acknowledged, inFlight]).toContainEqual(row);
        // Continue from what is stored, as the editor does after reloading.
        state.acknowledged = row!;
        if (inFlight && row!.version === inFlight.version) state.done++;
        state.unanswered = undefined;
      }
    } finally {
      await reopened.close();
    }

    // 3. Restart on the same data: a form whose answer never came is either taken now or refused
    //    as already sent (never twice); the rest are sent and the saves go on to 200.
    server = await startServerProcess(database.env);
    cookies = await Promise.all(
      load.members.map((member) => signInOver(server.baseUrl, member.username, member.password)),
    );
    for (const index of outcome.unansweredForms) {
      const response = await fetch(`${server.baseUrl}/api/v1/phone-form/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...load.pairs[index], form: numberedForm(index) }),
      });
      await response.arrayBuffer();
      expect([200, 409]).toContain(response.status);
      outcome.acknowledgedForms.add(index);
    }
    outcome.unansweredForms.clear();
    const rest = all.filter((index) => !outcome.acknowledgedForms.has(index));
    await drive(server, load, cookies, outcome, rest).done;
    expect(outcome.unexpected).toEqual([]);
    expect(outcome.acknowledgedForms.size).toBe(load.pairs.length);
    expect(outcome.saves.map((state) => state.done)).toEqual(load.members.map(() => SAVES_PER_MEMBER));

    // 4. The window closes: the released forms and their counts equal a recount of what was sent.
    const committee = await signInOver(server.baseUrl, load.committee.username, load.committee.password);
    const asCommittee = (method: string, path: string) =>
      fetch(`${server.baseUrl}/api/v1/meetings/${load.meetingId}${path}`, {
        method,
        headers: { cookie: committee, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
        body: method === 'POST' ? '{}' : undefined,
      });
    const closed = await asCommittee('POST', '/form-window/close');
    expect(closed.status, await closed.text()).toBe(200);
    const released = (await (await asCommittee('GET', '/phone-forms')).json()) as ReleasedPhoneForms;
    expect(released.phoneForms).toBe(load.pairs.length);
    for (const member of load.members) {
      const opinions = released.members.find((entry) => entry.selfCriticismId === member.selfCriticismId)!;
      expect(opinions.merged).toBe(false);
      if (opinions.merged) continue;
      const sentFor = load.pairs.flatMap((pair, index) =>
        pair.selfCriticismId === member.selfCriticismId ? [index] : [],
      );
      const shown = opinions.forms.map((form) => Number(/phiếu số (\d+)\./.exec(form.opinions[0]!.text)![1]));
      expect(shown.sort((a, b) => a - b)).toEqual(sentFor);
      expect(opinions.forms.every((form) => form.opinions.length === 3)).toBe(true);
    }
    server.child.kill('SIGTERM');
    expect(await server.exitCode).toBe(0);

    const final = await database.open();
    try {
      const [counts] = await queryRows<{ forms: number; opinions: number; ballots: number; uses: number }>(
        final.db,
        sql`select (select count(*) from feedback_forms where meeting_id = ${load.meetingId} and channel = 'phone')::int as forms,
                   (select count(*) from feedback where meeting_id = ${load.meetingId} and channel = 'phone')::int as opinions,
                   (select count(*) from feedback_ballots)::int as ballots,
                   (select count(*) from feedback_code_uses)::int as uses`,
      );
      expect(counts).toEqual({
        forms: load.pairs.length,
        opinions: 3 * load.pairs.length,
        ballots: 0,
        uses: 0,
      });
      for (const [memberIndex, member] of load.members.entries()) {
        const [row] = await queryRows<SaveState>(
          final.db,
          sql`select version, content->>'duties' as duties from self_criticisms where id = ${member.selfCriticismId}`,
        );
        expect(row).toEqual({
          version: 1 + SAVES_PER_MEMBER,
          duties: dutiesOf(member.username, SAVES_PER_MEMBER),
        });
        expect(outcome.saves[memberIndex]!.acknowledged).toEqual(row);
      }
    } finally {
      await final.close();
    }
  }, 600_000);
});
