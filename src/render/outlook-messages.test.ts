import { describe, expect, it } from 'vitest';
import { OUTLOOK_MESSAGES } from './outlook-messages.js';

describe('outlook counts', () => {
  it("writes counts of people with each language's separators, as a large organization's headroom needs", () => {
    expect(OUTLOOK_MESSAGES.en.roleAbove('Technical consultant', 1211)).toBe('Technical consultant: 1,211 more than needed');
    expect(OUTLOOK_MESSAGES['zh-TW'].roleAbove('技術人員', 2256)).toBe('技術人員：比所需多 2,256 人');
    expect(OUTLOOK_MESSAGES['ko-KR'].roleAbove('기술 담당자', 2256)).toBe('기술 담당자: 필요 인원보다 2,256명 많음');
    expect(OUTLOOK_MESSAGES.en.actionPeople(1500, 'Functional consultant', null)).toBe(
      '1,500 more people qualify for Functional consultant',
    );
    expect(OUTLOOK_MESSAGES['ko-KR'].actionPeople(1500, '기능 담당자', null)).toBe('기능 담당자 자격 취득자 1,500명 추가');
  });
});
