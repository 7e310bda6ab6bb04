// The three-way merge a window uses when another window saved the map it is editing:
// edits to different objects combine, the same object changed on both sides does not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeMaps } from '../../src-shared/domain/map-merge';
import type { MapDocument } from '../../src-shared/domain/map-document';
import { aMapDocument, anOutcome, aStage, aTransition } from '../fixtures/factories';

function aBase() {
  const first = aStage({ name: 'Recognise a need' });
  const second = aStage({ name: 'Compare options' });
  const won = anOutcome('won');
  const arrow = aTransition(first, second);
  const closing = aTransition(second, won);
  return { first, second, won, arrow, closing, doc: aMapDocument({ stages: [first, second], outcomes: [won], transitions: [arrow, closing] }) };
}

const renameStage = (doc: MapDocument, id: string, name: string): MapDocument => ({
  ...doc,
  stages: doc.stages.map((s) => (s.id === id ? { ...s, name } : s)),
});

describe('merging edits made in two windows', () => {
  it('keeps both renames when each window renamed a different stage', () => {
    const { doc, first, second } = aBase();
    const mine = renameStage(doc, first.id, 'Notice a problem');
    const theirs = renameStage(doc, second.id, 'Weigh suppliers');
    const merged = mergeMaps(doc, mine, theirs);
    expect(merged.ok).toBe(true);
    if (merged.ok) expect(merged.doc.stages.map((s) => s.name)).toEqual(['Notice a problem', 'Weigh suppliers']);
  });

  it('keeps a stage added here and a stage added there, theirs first', () => {
    const { doc } = aBase();
    const mine = { ...doc, stages: [...doc.stages, aStage({ name: 'Mine' })] };
    const theirs = { ...doc, stages: [...doc.stages, aStage({ name: 'Theirs' })] };
    const merged = mergeMaps(doc, mine, theirs);
    expect(merged.ok && merged.doc.stages.map((s) => s.name)).toEqual(['Recognise a need', 'Compare options', 'Theirs', 'Mine']);
  });

  it('takes their deletion of an object this window did not touch', () => {
    const { doc, first } = aBase();
    const mine = renameStage(doc, first.id, 'Notice a problem');
    const theirs = { ...doc, transitions: doc.transitions.slice(1) };
    const merged = mergeMaps(doc, mine, theirs);
    expect(merged.ok && merged.doc.transitions).toHaveLength(1);
  });

  it('is a conflict when both windows changed the same stage differently, and names it', () => {
    const { doc, first } = aBase();
    const merged = mergeMaps(doc, renameStage(doc, first.id, 'A'), renameStage(doc, first.id, 'B'));
    expect(merged).toEqual({ ok: false, conflicts: [`stage ${first.id}`] });
  });

  it('accepts the same change made in both windows', () => {
    const { doc, first } = aBase();
    const merged = mergeMaps(doc, renameStage(doc, first.id, 'Same'), renameStage(doc, first.id, 'Same'));
    expect(merged.ok).toBe(true);
  });

  it('is a conflict when an arrow added here points at a stage deleted there', () => {
    const { doc, first, second, arrow } = aBase();
    const mine = { ...doc, transitions: [...doc.transitions, aTransition(second, first)] };
    const theirs = { ...doc, stages: [second], transitions: doc.transitions.filter((t) => t.id !== arrow.id) };
    expect(mergeMaps(doc, mine, theirs)).toEqual({ ok: false, conflicts: ['the map no longer holds together'] });
  });

  it('is a conflict when both windows changed the process figures differently', () => {
    const { doc } = aBase();
    const mine = { ...doc, process: { ...doc.process, entriesPerPeriod: 10 } };
    const theirs = { ...doc, process: { ...doc.process, entriesPerPeriod: 20 } };
    const merged = mergeMaps(doc, mine, theirs);
    expect(merged.ok).toBe(false);
  });

  it('property: with no edits of its own, a window ends with exactly what the other saved', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 2 }), (names) => {
        const { doc, first, second } = aBase();
        let theirs = doc;
        names.forEach((name, i) => (theirs = renameStage(theirs, i === 0 ? first.id : second.id, name)));
        const merged = mergeMaps(doc, doc, theirs);
        expect(merged.ok && merged.doc).toEqual(theirs);
      }),
    );
  });

  it('property: merging is symmetric for edits to different stages', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const { doc, first, second } = aBase();
        const mine = renameStage(doc, first.id, a);
        const theirs = renameStage(doc, second.id, b);
        const one = mergeMaps(doc, mine, theirs);
        const other = mergeMaps(doc, theirs, mine);
        expect(one.ok && other.ok).toBe(true);
        if (one.ok && other.ok) expect(one.doc.stages).toEqual(other.doc.stages);
      }),
    );
  });
});
