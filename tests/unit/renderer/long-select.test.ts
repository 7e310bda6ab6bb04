// Which options a select lists: all of a short list; of a long one, only the shown
// option until someone reaches for the select.
import { describe, expect, it } from 'vitest';
import { LONG_LIST_OPTIONS, optionsToRender } from '../../../src-renderer/components/long-select';

const list = (n: number) => Array.from({ length: n }, (_, i) => `stage:${i}`);

describe('optionsToRender', () => {
  it('lists a short list in full, reached for or not', () => {
    const short = list(LONG_LIST_OPTIONS - 1);
    expect(optionsToRender(short, false, () => false)).toBe(short);
  });

  it('lists only the shown option of a long list until it is reached for', () => {
    const long = list(LONG_LIST_OPTIONS);
    expect(optionsToRender(long, false, (o) => o === 'stage:7')).toEqual(['stage:7']);
    expect(optionsToRender(long, false, () => false)).toEqual([]);
    expect(optionsToRender(long, true, () => false)).toBe(long);
  });
});
