// The built-in starting maps: the B2B template must be a complete, honest example
// of the method, and every use of it must get its own ids.
import { describe, expect, it } from 'vitest';
import b2bTemplate from '../../resources/templates/b2b-buying-journey.json';
import { MapDocumentSchema, type MapDocument } from '../../src-shared/domain/map-document';
import { templateDocument, withFreshIds } from '../../src-shared/domain/templates';
import { aChainMap } from '../fixtures/factories';

function allIds(doc: MapDocument): string[] {
  return [
    ...doc.stages.flatMap((s) => [s.id, ...s.actions.map((a) => a.id), ...s.exitCriteria.map((e) => e.id)]),
    ...doc.outcomes.map((o) => o.id),
    ...doc.transitions.map((t) => t.id),
  ];
}

/** The document with every id replaced by its position in allIds, so two copies can be compared by shape. */
function shapeOf(doc: MapDocument): unknown {
  const index = new Map(allIds(doc).map((id, i) => [id, `#${i}`]));
  const at = (id: string) => index.get(id) ?? `missing:${id}`;
  return {
    ...doc,
    stages: doc.stages.map((s) => ({
      ...s,
      id: at(s.id),
      actions: s.actions.map((a) => ({ ...a, id: at(a.id), serves: a.serves.map(at) })),
      exitCriteria: s.exitCriteria.map((e) => ({ ...e, id: at(e.id) })),
    })),
    outcomes: doc.outcomes.map((o) => ({ ...o, id: at(o.id) })),
    transitions: doc.transitions.map((t) => ({ ...t, id: at(t.id), source: at(t.source), target: at(t.target) })),
  };
}

describe('the B2B buying-journey template', () => {
  const template = MapDocumentSchema.parse(b2bTemplate);

  it('is a valid map document with five stages', () => {
    expect(template.stages).toHaveLength(5);
  });

  it('gives every stage a customer action, an exit criterion, and a seller action serving a customer action', () => {
    for (const stage of template.stages) {
      const customerIds = new Set(stage.actions.filter((a) => a.actor === 'customer').map((a) => a.id));
      const sellers = stage.actions.filter((a) => a.actor === 'seller');
      expect(customerIds.size, stage.name).toBeGreaterThan(0);
      expect(stage.exitCriteria.length, stage.name).toBeGreaterThan(0);
      expect(
        sellers.some((s) => s.serves.some((id) => customerIds.has(id))),
        stage.name,
      ).toBe(true);
    }
  });

  it('leaves no seller action serving nothing', () => {
    const idle = template.stages.flatMap((s) => s.actions.filter((a) => a.actor === 'seller' && a.serves.length === 0));
    expect(idle.map((a) => a.text)).toEqual([]);
  });

  it('ends in Won, Lost and No decision, each reached by a transition', () => {
    const kinds = template.outcomes.map((o) => o.kind);
    expect(kinds).toEqual(expect.arrayContaining(['won', 'lost', 'no_decision']));
    expect(template.outcomes.map((o) => o.label)).toEqual(expect.arrayContaining(['Won', 'Lost', 'No decision']));
    for (const outcome of template.outcomes) {
      expect(template.transitions.some((t) => t.target === outcome.id), outcome.label).toBe(true);
    }
  });

  it('is handed out with fresh ids each time it is used', () => {
    const first = templateDocument('b2b-buying-journey');
    const second = templateDocument('b2b-buying-journey');
    expect(new Set([...allIds(first), ...allIds(second)]).size).toBe(allIds(first).length * 2);
    expect(shapeOf(first)).toEqual(shapeOf(template));
  });

  it('the blank template is an empty map', () => {
    expect(templateDocument('blank')).toMatchObject({ stages: [], outcomes: [], transitions: [] });
  });
});

describe('fresh ids', () => {
  it('change every id and keep every link (serves, transition ends)', () => {
    const original = MapDocumentSchema.parse(b2bTemplate);
    const copy = withFreshIds(original);
    const before = new Set(allIds(original));
    expect(allIds(copy).filter((id) => before.has(id))).toEqual([]);
    expect(shapeOf(copy)).toEqual(shapeOf(original));
    expect(MapDocumentSchema.safeParse(copy).success).toBe(true);
  });

  it('give a copy that is still valid for a map of any shape', () => {
    const { doc } = aChainMap(4, { filled: true });
    const copy = withFreshIds(doc);
    expect(shapeOf(copy)).toEqual(shapeOf(doc));
    expect(MapDocumentSchema.safeParse(copy).success).toBe(true);
  });
});
