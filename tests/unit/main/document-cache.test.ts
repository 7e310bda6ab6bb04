// The cache of read map documents: a hit only at the same version and revision,
// a bounded number kept (least recently read goes first).
import { describe, expect, it } from 'vitest';
import { checkedFromDocument } from '../../../src-main/db/checked-document';
import { createDocumentCache } from '../../../src-main/db/document-cache';
import { emptyDocument, type MapDocument } from '../../../src-shared/domain/map-document';

const aDocument = (name: string): MapDocument => ({ ...emptyDocument(), process: { ...emptyDocument().process, currency: name } });
const checked = (name: string) => checkedFromDocument(aDocument(name));

describe('the document cache', () => {
  it('gives back the document kept at the same version and revision, the same object each time', () => {
    const cache = createDocumentCache();
    const kept = cache.put('v1', 3, checked('EUR'));
    expect(cache.get('v1', 3)).toBe(kept);
    expect(cache.get('v1', 3)).toBe(kept);
    expect(cache.get('v2', 3)).toBeUndefined();
  });

  it('misses at another revision, and a newer revision replaces the older', () => {
    const cache = createDocumentCache();
    cache.put('v1', 3, checked('EUR'));
    expect(cache.get('v1', 4)).toBeUndefined();
    expect(cache.get('v1', 2)).toBeUndefined();
    const newer = cache.put('v1', 4, checked('USD'));
    expect(cache.get('v1', 3)).toBeUndefined();
    expect(cache.get('v1', 4)).toBe(newer);
    expect(cache.size).toBe(1);
  });

  it('keeps at most its limit, dropping the version read least recently', () => {
    const cache = createDocumentCache(2);
    cache.put('a', 1, checked('EUR'));
    cache.put('b', 1, checked('EUR'));
    cache.get('a', 1); // a is now more recent than b
    cache.put('c', 1, checked('EUR'));
    expect(cache.size).toBe(2);
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('a', 1)).toBeDefined();
    expect(cache.get('c', 1)).toBeDefined();
  });

  it('forgets a version that is rewritten or deleted', () => {
    const cache = createDocumentCache();
    cache.put('a', 1, checked('EUR'));
    cache.put('b', 1, checked('EUR'));
    cache.forget('a');
    cache.forget('nothing-kept');
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('b', 1)).toBeDefined();
    expect(cache.size).toBe(1);
  });
});
