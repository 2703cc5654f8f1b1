import { describe, expect, it } from 'vitest';
import {
  type AnonymousForm,
  CODE_THROTTLE,
  groupAnonymousForms,
  isThrottled,
  throttleBucketStart,
  throttleCountedSince,
  throttleWaitMinutes,
} from './anonymity.js';

describe('wrong-code throttle buckets', () => {
  it.each([
    ['2026-11-10T01:00:00.000Z', '2026-11-10T01:00:00.000Z', '2026-11-10T00:45:00.000Z'],
    ['2026-11-10T01:04:59.999Z', '2026-11-10T01:00:00.000Z', '2026-11-10T00:45:00.000Z'],
    ['2026-11-10T01:05:00.000Z', '2026-11-10T01:05:00.000Z', '2026-11-10T00:50:00.000Z'],
    ['2026-11-10T00:02:30.000Z', '2026-11-10T00:00:00.000Z', '2026-11-09T23:45:00.000Z'],
  ])('at %s the bucket starts at %s and buckets from %s count', (now, bucket, since) => {
    expect(throttleBucketStart(new Date(now)).toISOString()).toBe(bucket);
    expect(throttleCountedSince(new Date(now)).toISOString()).toBe(since);
  });

  it.each([
    [0, false],
    [19, false],
    [20, true],
    [45, true],
  ])('%i recent failures: throttled %s', (failures, throttled) => {
    expect(isThrottled(failures)).toBe(throttled);
  });

  it('tells the longest wait: the window and one bucket', () => {
    expect(throttleWaitMinutes()).toBe(20);
    expect(throttleWaitMinutes({ ...CODE_THROTTLE, windowMs: 60_000, bucketMs: 30_000 })).toBe(2);
  });
});

const form = (id: string, channel: 'phone' | 'paper', texts: [string, string, string][]): AnonymousForm => ({
  id,
  channel,
  submittedOn: '2026-11-10',
  opinions: texts.map(([kind, area, text]) => ({
    kind: kind as AnonymousForm['opinions'][number]['kind'],
    area: area as AnonymousForm['opinions'][number]['area'],
    text,
  })),
});

describe('small groups of anonymous written forms', () => {
  const one = form('f1', 'phone', [
    ['shortcoming', 'discipline', 'Hay đi muộn'],
    ['strength', 'duties', 'Tận tụy'],
  ]);
  const two = form('f2', 'paper', [
    ['proposal', 'proposals', 'Nên học thêm'],
    ['strength', 'duties', 'Chăm chỉ'],
  ]);
  const three = form('f3', 'phone', [['strength', 'ethicsLifestyle', 'Giản dị']]);

  it.each([
    ['no form', [], 3, true, 0],
    ['a sole form', [one], 3, true, 2],
    ['two forms under 3', [one, two], 3, true, 4],
    ['three forms at 3', [one, two, three], 3, false, 3],
    ['a sole form when the setting is 1', [one], 1, false, 1],
  ])('%s: merged %s', (_name, forms, threshold, merged, size) => {
    const group = groupAnonymousForms(forms as AnonymousForm[], threshold as number);
    expect(group.merged).toBe(merged);
    expect(group.merged ? group.opinions.length : group.forms.length).toBe(size);
  });

  it('orders a merged list by kind, area and text, so it says nothing of forms or channels', () => {
    const group = groupAnonymousForms([one, two], 3);
    expect(group).toEqual({
      merged: true,
      opinions: [
        { kind: 'strength', area: 'duties', text: 'Chăm chỉ' },
        { kind: 'strength', area: 'duties', text: 'Tận tụy' },
        { kind: 'shortcoming', area: 'discipline', text: 'Hay đi muộn' },
        { kind: 'proposal', area: 'proposals', text: 'Nên học thêm' },
      ],
    });
    expect(JSON.stringify(group)).not.toMatch(/phone|paper|f1|f2|2026/);
    expect(groupAnonymousForms([two, one], 3)).toEqual(group);
  });
});
