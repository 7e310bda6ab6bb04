// The released document steps, each on a real document of its old format.
import { describe, expect, it } from 'vitest';
import { migrateDocument } from '../../src-shared/domain/document-migrations';
import { defaultProcessInputs } from '../../src-shared/domain/map-document';

/** A format-1 map as Leanmap 0.1 wrote it: no numbers on stages, no process inputs. */
function formatOneMap() {
  return {
    schemaVersion: 1,
    stages: [
      {
        id: 's1',
        name: 'Compare options',
        customerGoal: 'Find the best fit',
        actions: [{ id: 'a1', text: 'Shortlists suppliers', actor: 'customer', leanClass: 'value', ownerRole: '', votes: 2, serves: [] }],
        exitCriteria: [{ id: 'e1', text: 'Runs a trial' }],
        stakeholders: '',
        toolsAndContent: '',
        painPoints: '',
        notes: 'keep me',
        position: { x: 10, y: 20 },
      },
    ],
    outcomes: [{ id: 'o1', kind: 'won', label: 'Won', position: { x: 400, y: 0 } }],
    transitions: [{ id: 't1', source: 's1', target: 'o1', label: 'Signed', conversionRate: 0.3 }],
  };
}

describe('document step 1 → 2 (numbers for the process figures)', () => {
  it('gives every stage unknown days and %C&A, and the process default inputs', () => {
    const result = migrateDocument(formatOneMap());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migrated).toBe(true);
    expect(result.doc.schemaVersion).toBe(2);
    expect(result.doc.stages[0]).toMatchObject({ daysPerVisit: null, completeAndAccurate: null });
    expect(result.doc.process).toEqual(defaultProcessInputs());
  });

  it('keeps everything the old map had', () => {
    const result = migrateDocument(formatOneMap());
    if (!result.ok) throw new Error(result.error.message);
    const stage = result.doc.stages[0]!;
    expect(stage.notes).toBe('keep me');
    expect(stage.position).toEqual({ x: 10, y: 20 });
    expect(stage.actions[0]!.votes).toBe(2);
    expect(result.doc.transitions[0]!.conversionRate).toBe(0.3);
  });

  it('still refuses a broken old map after stepping it', () => {
    const broken = formatOneMap();
    broken.transitions[0]!.target = 'nowhere';
    expect(migrateDocument(broken)).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });
});
