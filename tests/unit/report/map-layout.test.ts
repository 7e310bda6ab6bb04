// The map picture model: cards where the facilitator put them, arrows between card
// sides, loops underneath, labels clear of cards, and a box around all of it.
import { describe, expect, it } from 'vitest';
import { exportTextMetrics } from '../../../src-main/export/font-metrics';
import { CARD, layoutReportMap, placeCard } from '../../../src-shared/domain/report/map-layout';
import type { ReportMap, ReportMapNode } from '../../../src-shared/domain/report/report-model';
import {
  aCustomerAction,
  aFilledStage,
  aMapDocument,
  aProcessCast,
  aRatedTransition,
  aSellerAction,
  aStage,
  aTypedB2bTemplate,
  anAction,
  anExitCriterion,
  anOutcome,
} from '../../fixtures/factories';

/** The first and last points of an SVG path. */
function ends(path: string) {
  const nums = path.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
  return { start: { x: nums[0]!, y: nums[1]! }, end: { x: nums[nums.length - 2]!, y: nums[nums.length - 1]! }, ys: nums.filter((_, i) => i % 2 === 1) };
}

function contains(map: ReportMap, x: number, y: number) {
  return x >= map.x && x <= map.x + map.width && y >= map.y && y <= map.y + map.height;
}

describe('stage cards', () => {
  it('sit at the positions of the document, 380 wide like in the app', () => {
    const stage = aFilledStage('Compare options', { position: { x: 120, y: -40 } });
    const [node] = layoutReportMap(aMapDocument({ stages: [stage] }), { metrics: exportTextMetrics }).nodes;
    expect(node).toMatchObject({ id: stage.id, kind: 'stage', x: 120, y: -40, width: 380, title: 'Compare options' });
  });

  it('grow with their wrapped lines', () => {
    const short = aStage({ actions: [aCustomerAction('Shortlists')] });
    const long = aStage({ actions: [aCustomerAction('Shortlists suppliers after asking peers, analysts and the purchasing team for names they trust '.repeat(3))] });
    const [a, b] = layoutReportMap(aMapDocument({ stages: [short, long] }), { metrics: exportTextMetrics }).nodes;
    const lines = b!.sections.find((s) => s.kind === 'customer')!.lines;
    expect(lines.length).toBeGreaterThan(3);
    expect(b!.height - a!.height).toBe((lines.length - 1) * CARD.line.lineHeight);
  });

  it('show the customer, seller and exit sections with marks and warnings', () => {
    const customer = aCustomerAction('Tests options with own data', { leanClass: 'value' });
    const stage = aStage({
      name: 'Compare options',
      customerGoal: 'Find the option that fits best',
      daysPerVisit: 12,
      completeAndAccurate: 0.8,
      actions: [customer, aSellerAction('Sets up a trial', [customer]), aSellerAction('Sends a brochure', [], { leanClass: 'waste' }), anAction({ actor: 'partner', text: 'Hosts a demo' })],
      exitCriteria: [anExitCriterion('Runs a trial')],
    });
    const [node] = layoutReportMap(aMapDocument({ stages: [stage] }), { metrics: exportTextMetrics }).nodes;
    const section = (kind: string) => node!.sections.find((s) => s.kind === kind)!;
    expect(section('goal').lines).toEqual(['Find the option that fits best']);
    expect(section('numbers').lines).toEqual(['12 days per visit', 'C&A 80 %']);
    expect(section('customer').items).toEqual([{ mark: 'V', tag: null, tone: 'normal', lines: ['Tests options with own data'] }]);
    expect(section('seller').items!.map((i) => [i.lines[0], i.mark, i.tag])).toEqual([
      ['Sets up a trial', null, null],
      ['Sends a brochure', 'W', { text: 'helps no customer action', tone: 'warn' }],
      ['Hosts a demo', null, { text: 'partner', tone: 'neutral' }],
    ]);
    expect(section('exit').items).toEqual([{ mark: 'check', tag: null, tone: 'normal', lines: ['Runs a trial'] }]);
  });

  it('say what is missing in an empty stage', () => {
    const [node] = layoutReportMap(aMapDocument({ stages: [aStage({ name: '' })] }), { metrics: exportTextMetrics }).nodes;
    expect(node!.title).toBe('Unnamed stage');
    expect(node!.sections.map((s) => [s.kind, s.lines])).toEqual([
      ['customer', ['No customer action yet']],
      ['seller', ['No seller action yet']],
      ['exit', ['No exit criteria yet']],
    ]);
  });

  it('place their sections one under the other, filling the card', () => {
    const [node] = layoutReportMap(aMapDocument({ stages: [aFilledStage('Compare options', { customerGoal: 'Choose well', daysPerVisit: 3 })] }), { metrics: exportTextMetrics }).nodes;
    const placed = placeCard(node!, exportTextMetrics);
    expect(placed.bodies.map((b) => b.section.kind)).toEqual(['customer', 'seller', 'exit']);
    for (let i = 1; i < placed.bodies.length; i++) expect(placed.bodies[i]!.y).toBe(placed.bodies[i - 1]!.y + placed.bodies[i - 1]!.height);
    const last = placed.bodies[placed.bodies.length - 1]!;
    expect(last.y + last.height).toBe(node!.height);
  });

  it('flag rates that add up to more than 100 %', () => {
    const { stages, won, lost } = aProcessCast(['Decide']);
    const doc = aMapDocument({ stages, outcomes: [won, lost], transitions: [aRatedTransition(stages[0]!, won, 0.8), aRatedTransition(stages[0]!, lost, 0.3)] });
    expect(layoutReportMap(doc, { metrics: exportTextMetrics }).nodes[0]!.error).toBe('Ways out add up to 110 %');
  });
});

describe('outcomes', () => {
  it('are pills at their positions, wide enough for their label', () => {
    const won = anOutcome('won', { position: { x: 900, y: 40 } });
    const noDecision = anOutcome('no_decision', { label: 'Stayed with the status quo after a long evaluation', position: { x: 0, y: 500 } });
    const [a, b] = layoutReportMap(aMapDocument({ outcomes: [won, noDecision] }), { metrics: exportTextMetrics }).nodes;
    expect(a).toMatchObject({ kind: 'outcome', outcomeKind: 'won', x: 900, y: 40, title: 'Won', width: 200, sections: [] });
    expect(b!.width).toBeGreaterThan(400);
  });
});

describe('arrows', () => {
  const { stages, won, lost } = aProcessCast(['Compare options', 'Build the business case']);
  const [compare, build] = stages as [ReturnType<typeof aStage>, ReturnType<typeof aStage>];
  const forward = aRatedTransition(compare, build, 0.5);
  const loop = aRatedTransition(build, compare, 0.2, { label: 'Re-evaluate' });
  const exit = aRatedTransition(build, won, null, { label: 'Signed' });
  const toLost = aRatedTransition(compare, lost, 0.3);
  const doc = aMapDocument({ stages, outcomes: [{ ...won, position: { x: 900, y: 0 } }, { ...lost, position: { x: 900, y: 300 } }], transitions: [forward, loop, exit, toLost] });
  const map = layoutReportMap(doc, { metrics: exportTextMetrics });
  const node = (id: string) => map.nodes.find((n) => n.id === id)!;
  const edge = (id: string) => map.edges.find((e) => e.id === id)!;

  it('run from the right side of a card to the left side of the next', () => {
    const { start, end } = ends(edge(forward.id).path);
    const from = node(compare.id);
    const to = node(build.id);
    expect(start).toEqual({ x: from.x + from.width, y: from.y + from.height / 2 });
    expect(end).toEqual({ x: to.x, y: to.y + to.height / 2 });
    expect(edge(forward.id)).toMatchObject({ kind: 'forward', label: '50 %', end: { direction: 'right' } });
  });

  it('loop back below the cards, from the bottom of the source into the bottom of the target', () => {
    const { start, end, ys } = ends(edge(loop.id).path);
    const from = node(build.id);
    const to = node(compare.id);
    expect(start.y).toBe(from.y + from.height);
    expect(start.x).toBeGreaterThan(from.x);
    expect(end.y).toBe(to.y + to.height);
    expect(end.x).toBeLessThan(to.x + to.width);
    expect(Math.max(...ys)).toBeGreaterThan(Math.max(from.y + from.height, to.y + to.height));
    expect(edge(loop.id)).toMatchObject({ kind: 'loop', label: 'Re-evaluate · 20 %', end: { direction: 'up' } });
  });

  it('end at outcomes with the rest of the stage when left blank', () => {
    expect(edge(exit.id)).toMatchObject({ kind: 'exit', outcomeKind: 'won', label: 'Signed · 80 % (rest)' });
    expect(edge(toLost.id)).toMatchObject({ kind: 'exit', outcomeKind: 'lost', label: 'exit · 30 %' });
  });

  it('carry labels that cover no card where there is room', () => {
    const label = edge(toLost.id);
    const clear = map.nodes.every((n) => label.labelX < n.x || label.labelX > n.x + n.width || label.labelY < n.y || label.labelY > n.y + n.height);
    expect(clear).toBe(true);
  });
});

describe('the picture', () => {
  it('marks the top two bottlenecks', () => {
    const map = layoutReportMap(aTypedB2bTemplate(), { metrics: exportTextMetrics });
    expect(map.edges.map((e) => e.bottleneckRank).filter((r) => r !== null).sort()).toEqual([1, 2]);
  });

  it('has a box around every card, arrow and label, with a margin', () => {
    const map = layoutReportMap(aTypedB2bTemplate(), { metrics: exportTextMetrics });
    const corners = (n: ReportMapNode) => [
      [n.x - 20, n.y - 20],
      [n.x + n.width + 20, n.y + n.height + 20],
    ];
    for (const [x, y] of map.nodes.flatMap(corners)) expect(contains(map, x!, y!)).toBe(true);
    for (const e of map.edges) {
      const { ys } = ends(e.path);
      expect(contains(map, e.labelX, e.labelY)).toBe(true);
      for (const y of ys) expect(y).toBeLessThanOrEqual(map.y + map.height);
    }
  });

  it('is the same every time', () => {
    const doc = aTypedB2bTemplate();
    expect(layoutReportMap(doc, { metrics: exportTextMetrics })).toEqual(layoutReportMap(doc, { metrics: exportTextMetrics }));
  });

  it('of an empty map is empty, with a sensible size', () => {
    expect(layoutReportMap(aMapDocument(), { metrics: exportTextMetrics })).toEqual({ x: 0, y: 0, width: 640, height: 240, nodes: [], edges: [] });
  });
});
