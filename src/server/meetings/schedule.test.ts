import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test-support.js';
import { MEETING_START, type PreparedMeeting, prepareMeeting } from './test-support.js';

describe('scheduling a meeting', () => {
  let context: TestContext;
  let prepared: PreparedMeeting;

  beforeAll(async () => {
    context = await createTestContext();
    prepared = await prepareMeeting(context);
  });
  afterAll(() => context.close());

  it('schedules the meeting of a required workplace and moves it to "scheduled"', async () => {
    const meeting = await prepared.committee.get(`/api/v1/meetings/${prepared.meetingId}`);
    expect(meeting.statusCode).toBe(200);
    expect(meeting.json()).toMatchObject({
      startsAt: new Date(MEETING_START).toISOString(),
      deadline: '2026-11-15',
      capacity: 'committee',
      secretaryName: 'Phạm Thị Thư',
      formWindow: { state: 'not_opened' },
      minutesLocked: false,
    });
    const listed = await prepared.committee.get(`/api/v1/plans/${prepared.planId}/workplaces?required=true`);
    const row = listed
      .json()
      .items.find((item: { workplaceId: string }) => item.workplaceId === prepared.workplaceId);
    expect(row.status).toBe('scheduled');
  });

  it('gives the secretary the meeting in their capacity', async () => {
    const meeting = await prepared.secretary.client.get(`/api/v1/meetings/${prepared.meetingId}`);
    expect(meeting.json().capacity).toBe('secretary');
  });

  it('keeps a member out of the meeting record', async () => {
    const meeting = await prepared.members.b.client.get(`/api/v1/meetings/${prepared.meetingId}`);
    expect(meeting.statusCode).toBe(403);
  });
});
