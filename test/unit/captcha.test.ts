import { describe, expect, it } from 'vitest';
import { drawCaptcha } from '../../functions/lib/auth/captcha';

const pathsOf = (svg: string) => [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]!);

describe('the captcha image', () => {
  it('holds no text: no <text> element and no character data anywhere', () => {
    const svg = drawCaptcha('K7PX');
    expect(svg).not.toMatch(/<text|<tspan|<use|<font|<glyph/i);
    // Between tags there is nothing but tags: no text node could carry the answer.
    expect(svg.replace(/<[^>]*>/g, '')).toBe('');
    // Nor an attribute: the answer's characters appear in no attribute value on their own.
    for (const c of 'K7PX') expect(svg).not.toMatch(new RegExp(`"${c}"`));
    expect(pathsOf(svg).length).toBeGreaterThan(4);
  });

  it('draws the same character differently every time, and never repeats a path', () => {
    // Prepare: the same answer twice, and one answer of four equal characters.
    const a = pathsOf(drawCaptcha('AAAA'));
    const b = pathsOf(drawCaptcha('AAAA'));
    // Assess: not one path of one draw is in the other, nor twice within one draw.
    expect(a.filter((d) => b.includes(d))).toEqual([]);
    expect(new Set(a).size).toBe(a.length);
    // Nor the same shape moved: the command sequences differ too (pieces and curves are drawn at random).
    const shape = (d: string) => d.replace(/[-\d.]+/g, '#');
    expect(new Set(a.map(shape)).size).toBeGreaterThan(1);
  });
});
