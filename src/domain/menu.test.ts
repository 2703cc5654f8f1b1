import { describe, expect, it } from 'vitest';
import { menuFor } from './menu.js';

const none = { partyMember: false, nonMember: false, keepsMeetings: false };
const labels = (items: { label: string }[]) => items.map((item) => item.label);

describe('menuFor', () => {
  it('a committee member who is also a party member sees their own report beside the committee pages', () => {
    const menu = labels(menuFor(['committee'], { ...none, partyMember: true }));
    expect(menu).toContain('Bản tự phê bình của tôi');
    expect(menu).toContain('Ý kiến góp ý về tôi');
    expect(menu).toContain('Kế hoạch');
    expect(menu).toContain('Cuộc họp của tôi');
    expect(menu).not.toContain('Góp ý bằng văn bản');
  });

  it('a committee member not on a roster as a member does not', () => {
    expect(labels(menuFor(['committee'], none))).not.toContain('Bản tự phê bình của tôi');
  });

  it('a non-member secretary sees the meetings they keep; one who keeps none does not', () => {
    const secretary = labels(menuFor(['masses'], { ...none, nonMember: true, keepsMeetings: true }));
    expect(secretary).toContain('Cuộc họp của tôi');
    expect(secretary).toContain('Góp ý bằng văn bản');
    expect(secretary).not.toContain('Kế hoạch');
    expect(labels(menuFor(['masses'], { ...none, nonMember: true }))).not.toContain('Cuộc họp của tôi');
  });

  it('everyone starts with their tasks and keeps their account pages', () => {
    const menu = labels(menuFor([], none));
    expect(menu).toEqual(['Việc cần làm', 'Cây tổ chức', 'Đổi mật khẩu', 'Bảo mật tài khoản']);
  });

  it('an administrator sees administration, not a member’s pages', () => {
    const menu = labels(menuFor(['administrator'], none));
    expect(menu).toContain('Cài đặt');
    expect(menu).not.toContain('Bản tự phê bình của tôi');
  });
});
