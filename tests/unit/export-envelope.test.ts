// The lossless workshop file: what "Export file" writes imports back exactly, and
// every damaged, foreign, newer or oversized file is refused with its reason.
import { describe, expect, it } from 'vitest';
import {
  CURRENT_ENVELOPE_VERSION,
  MAX_IMPORT_BYTES,
  parseWorkshopFile,
  type ParseWorkshopFileResult,
  utf8Length,
} from '../../src-shared/domain/export-envelope';
import { CURRENT_DOCUMENT_VERSION } from '../../src-shared/domain/map-document';
import { aChainMap, aFileVersion, aWorkshopFile, aWorkshopMeta, anEnvelope, anEnvelopeText } from '../fixtures/factories';

function problemOf(result: ParseWorkshopFileResult) {
  return result.ok ? 'ok' : result.problem;
}

describe('reading a workshop file', () => {
  it('gives back exactly what was exported', () => {
    const file = aWorkshopFile({
      meta: aWorkshopMeta({ participants: [{ id: 'p1', name: 'Sam', role: 'Sales manager' }], status: 'agreed' }),
      versions: [
        aFileVersion({ name: 'Current state', signOff: { agreedAt: '2026-11-22', agreedBy: ['Sam (Sales manager)'] }, document: aChainMap(3, { filled: true }).doc }),
        aFileVersion({ name: 'Future state', signOff: null, document: aChainMap(2).doc }),
      ],
    });
    expect(parseWorkshopFile(anEnvelopeText(file))).toEqual({ ok: true, file });
  });

  it('refuses a file that was cut short', () => {
    const text = anEnvelopeText();
    const result = parseWorkshopFile(text.slice(0, Math.floor(text.length / 2)));
    expect(problemOf(result)).toBe('not-json');
    expect(result.ok ? '' : result.message).toContain('cut short');
  });

  it('refuses a file that is not JSON at all', () => {
    expect(problemOf(parseWorkshopFile('Stage 1, Stage 2'))).toBe('not-json');
    expect(problemOf(parseWorkshopFile(''))).toBe('not-json');
  });

  it('refuses JSON that is not a Leanmap workshop file', () => {
    expect(problemOf(parseWorkshopFile(JSON.stringify({ ...anEnvelope(), format: 'other.app' })))).toBe('not-leanmap');
    expect(problemOf(parseWorkshopFile('[1, 2, 3]'))).toBe('not-leanmap');
    expect(problemOf(parseWorkshopFile('null'))).toBe('not-leanmap');
  });

  it('refuses a file from a newer Leanmap and says to update', () => {
    const result = parseWorkshopFile(JSON.stringify({ ...anEnvelope(), formatVersion: CURRENT_ENVELOPE_VERSION + 1 }));
    expect(problemOf(result)).toBe('future-version');
    expect(result.ok ? '' : result.message).toContain('Update Leanmap');
  });

  it('refuses a file holding a map from a newer Leanmap as a future version', () => {
    const envelope = anEnvelope();
    const newerMap = { ...envelope.workshop.versions[0]!.document, schemaVersion: CURRENT_DOCUMENT_VERSION + 1 };
    const text = JSON.stringify({ ...envelope, workshop: { ...envelope.workshop, versions: [{ ...aFileVersion({ name: 'Next', signOff: null }), document: newerMap }] } });
    expect(problemOf(parseWorkshopFile(text))).toBe('future-version');
  });

  it('refuses a file whose map is inconsistent, naming the map', () => {
    const { doc } = aChainMap(2);
    const broken = { ...doc, transitions: [...doc.transitions, { ...doc.transitions[0]!, id: 'extra' }] };
    const result = parseWorkshopFile(
      anEnvelopeText(aWorkshopFile({ versions: [aFileVersion({ name: 'Future state', document: broken })] })),
    );
    expect(problemOf(result)).toBe('invalid');
    expect(result.ok ? '' : result.message).toContain('Map "Future state" (number 1) cannot be read');
    expect(result.ok ? '' : result.message).toContain('Nothing was imported');
  });

  it('refuses a file with a card placed absurdly far away, saying so, before any export could choke on it', () => {
    const { doc } = aChainMap(2);
    const far = { ...doc, stages: [doc.stages[0]!, { ...doc.stages[1]!, position: { x: 0, y: 4e18 } }] };
    const result = parseWorkshopFile(anEnvelopeText(aWorkshopFile({ versions: [aFileVersion({ name: 'Current state', signOff: null, document: far })] })));
    expect(problemOf(result)).toBe('invalid');
    expect(result.ok ? '' : result.message).toContain('The position (stage 2): a card is placed too far from the rest of the map');
    expect(result.ok ? '' : result.message).toContain('Nothing was imported');
  });

  it('refuses a file with damaged workshop details', () => {
    expect(problemOf(parseWorkshopFile(anEnvelopeText(aWorkshopFile({ meta: aWorkshopMeta({ date: '22/11/2026' }) }))))).toBe(
      'invalid',
    );
  });

  it('refuses a file without any map', () => {
    expect(problemOf(parseWorkshopFile(anEnvelopeText(aWorkshopFile({ versions: [] }))))).toBe('invalid');
  });

  it('refuses a file over 20 MB before reading it, saying how large it is', () => {
    const result = parseWorkshopFile(' '.repeat(MAX_IMPORT_BYTES + 1));
    expect(problemOf(result)).toBe('too-large');
    expect(result.ok ? '' : result.message).toContain('up to 20 MB');
  });

  it('counts the size in bytes, not characters', () => {
    const twoBytesEach = 'é'.repeat(MAX_IMPORT_BYTES / 2 + 1);
    expect(problemOf(parseWorkshopFile(twoBytesEach))).toBe('too-large');
  });

  it('reads a file of exactly 20 MB (whitespace around a valid envelope)', () => {
    const text = anEnvelopeText();
    const padded = text + ' '.repeat(MAX_IMPORT_BYTES - text.length);
    expect(problemOf(parseWorkshopFile(padded))).toBe('ok');
  });
});

describe('the size of a workshop file', () => {
  it('is counted in UTF-8 bytes, as an encoder counts them', () => {
    for (const text of ['', 'plain', 'Müller', '東京', '👋🏽 emoji', 'lone \ud800 surrogate', 'x'.repeat(1000)]) {
      expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });
});
