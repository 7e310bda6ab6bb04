// Improvement ideas in the facilitation records, as pure rules: ideas as vote targets
// (checked against the workshop), a parked topic turned into an idea, the decision a
// focus-limit override writes, and the ids that follow an imported copy.
import { describe, expect, it } from 'vitest';
import {
  addressesOfParkedItem,
  conversionProblem,
  focusOverrideDecision,
  ideaCandidates,
  ideaFromParkedItem,
  initialSession,
  isRefusal,
  openRound,
  painPointTargetId,
  remapSessionIds,
  voteCandidates,
  voteTargetProblem,
  VoteTargetSchema,
  NOT_A_VOTE_TARGET,
  type ParkingItem,
  type SessionRecords,
} from '../../../src-shared/domain/facilitation';
import { aCustomerAction, aMapDocument, aStage, aTransition } from '../../fixtures/factories';

const action = aCustomerAction('Asks for references');
const stage = aStage({ id: 'st-1', name: 'Evaluate', actions: [action], painPoints: 'Slow legal review' });
const next = aStage({ id: 'st-2', name: 'Decide' });
const arrow = aTransition(stage, next, { id: 'tr-1' });
const doc = aMapDocument({ stages: [stage, next], transitions: [arrow] });

const parked = (overrides: Partial<ParkingItem> = {}): ParkingItem => ({
  id: 'p-1',
  text: 'Legal review takes weeks',
  link: null,
  status: 'open',
  convertedTo: null,
  createdAt: '2027-03-01T09:00:00.000Z',
  ...overrides,
});

describe('ideas as vote targets', () => {
  const ideas = [
    { id: 'i-1', idea: 'Book the next step', status: 'idea' },
    { id: 'i-2', idea: 'Cost calculator', status: 'planned' },
    { id: 'i-3', idea: '  ', status: 'idea' },
  ];

  it('lists only ideas not yet chosen (planned ones were), an unnamed one as such, after the map and before the parking lot', () => {
    expect(ideaCandidates(ideas)).toEqual([
      { kind: 'improvement', id: 'i-1', label: 'Book the next step' },
      { kind: 'improvement', id: 'i-3', label: 'Unnamed idea' },
    ]);
    const kinds = voteCandidates(doc, [parked()], ideas).map((c) => c.kind);
    expect(kinds).toEqual(['stage', 'action', 'pain-point', 'stage', 'improvement', 'improvement', 'parking-item']);
  });

  it('checks every target against the workshop: maps of any version, its ideas, its parking lot', () => {
    const world = { maps: [doc], improvementIds: new Set(['i-1']), parkingLot: [parked()] };
    const all = [
      { kind: 'stage' as const, id: 'st-2', label: 'Decide' },
      { kind: 'action' as const, id: action.id, label: 'Asks' },
      { kind: 'pain-point' as const, id: painPointTargetId('st-1'), label: 'Slow' },
      { kind: 'improvement' as const, id: 'i-1', label: 'Book' },
      { kind: 'parking-item' as const, id: 'p-1', label: 'Legal' },
    ];
    expect(voteTargetProblem(all, world)).toBeNull();
    expect(voteTargetProblem([...all, { kind: 'improvement', id: 'i-9', label: 'Gone idea' }], world)).toBe(
      'The improvement idea "Gone idea" is not in this workshop (it may have been deleted in another window). Pick again from what is listed.',
    );
    // An id of the right kind only counts as that kind: a stage id is not an action.
    expect(voteTargetProblem([{ kind: 'action', id: 'st-1', label: 'Evaluate' }], world)).toMatch(/^The action "Evaluate"/);
  });

  it('refuses an unknown target as BAD_REFERENCE and opens nothing', () => {
    const s = initialSession(() => 'r-1');
    const result = openRound(s, 'r-1', { question: 'First?', votesPerPerson: 1, targets: [{ kind: 'improvement', id: 'i-9', label: 'X' }] }, {
      maps: [doc],
      improvementIds: new Set(),
    });
    expect(isRefusal(result) && result.refused).toBe('BAD_REFERENCE');
  });

  it('never takes a person as a kind, and says why', () => {
    const parsed = VoteTargetSchema.safeParse({ kind: 'participant', id: 'p-ana', label: 'Ana' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe(NOT_A_VOTE_TARGET);
  });
});

describe('a parked topic made an idea', () => {
  it('addresses what the item was about while it is on a map, else the whole process', () => {
    expect(addressesOfParkedItem({ kind: 'stage', id: 'st-1' }, [doc])).toEqual({ kind: 'stage', stageId: 'st-1' });
    expect(addressesOfParkedItem({ kind: 'action', id: action.id }, [doc])).toEqual({ kind: 'action', stageId: 'st-1', actionId: action.id });
    expect(addressesOfParkedItem({ kind: 'transition', id: 'tr-1' }, [doc])).toEqual({ kind: 'transition', transitionId: 'tr-1' });
    expect(addressesOfParkedItem({ kind: 'stage', id: 'deleted' }, [doc])).toEqual({ kind: 'process' });
    expect(addressesOfParkedItem({ kind: 'improvement', id: 'i-1' }, [doc])).toEqual({ kind: 'process' });
    expect(addressesOfParkedItem(null, [doc])).toEqual({ kind: 'process' });
  });

  it('takes the text as the idea; a text over 500 characters is shortened there and kept whole as the problem', () => {
    expect(ideaFromParkedItem(parked({ link: { kind: 'stage', id: 'st-1' } }), [doc])).toMatchObject({
      idea: 'Legal review takes weeks',
      problem: '',
      addresses: { kind: 'stage', stageId: 'st-1' },
      votes: 0,
      effects: [],
    });
    const long = 'a'.repeat(600);
    const fields = ideaFromParkedItem(parked({ text: long }), [doc]);
    expect(fields.idea).toBe(`${'a'.repeat(499)}…`);
    expect(fields.idea).toHaveLength(500);
    expect(fields.problem).toBe(long);
  });

  it('converts only an open item', () => {
    expect(conversionProblem(parked())).toBeNull();
    expect(conversionProblem(parked({ status: 'discarded' }))).toBe('This item is already discarded. Reopen it first to make it an improvement idea.');
    expect(conversionProblem(undefined)).toBe('That parking-lot item no longer exists.');
  });
});

describe('the decision a focus-limit override writes', () => {
  const all = [
    { id: 'a', idea: 'Book the next step', status: 'planned' as const },
    { id: 'b', idea: 'Cost calculator', status: 'trial' as const },
    { id: 'c', idea: 'Trial offer', status: 'idea' as const },
    { id: 'd', idea: 'Old one', status: 'adopted' as const },
  ];

  it('says what was let through past which ones, links them all, keeps the reason and who decided', () => {
    expect(focusOverrideDecision({ item: all[2]!, to: 'trial', all, reason: ' The board asked ', by: ' Ana Silva ', date: '2027-03-01' })).toEqual({
      what: 'Focus limit overridden: "Trial offer" goes on trial while "Book the next step" and "Cost calculator" are already planned or on trial.',
      date: '2027-03-01',
      by: ['Ana Silva'],
      links: [
        { kind: 'improvement', id: 'c' },
        { kind: 'improvement', id: 'a' },
        { kind: 'improvement', id: 'b' },
      ],
      reason: 'The board asked',
    });
  });

  it('names nobody when no participant was chosen', () => {
    expect(focusOverrideDecision({ item: all[2]!, to: 'planned', all, reason: 'Urgent', by: null, date: '2027-03-01' }).by).toEqual([]);
  });
});

describe('ids that follow an imported copy', () => {
  it('moves idea, version and metric references to their copies and leaves map ids and unknown ids alone', () => {
    const s: SessionRecords = {
      ...initialSession(() => 'x'),
      rounds: [
        {
          id: 'r',
          question: 'First?',
          votesPerPerson: 1,
          targets: [
            { kind: 'improvement', id: 'i-1', label: 'Book' },
            { kind: 'stage', id: 'st-1', label: 'Evaluate' },
          ],
          counts: { 'i-1': 3, 'st-1': 1 },
          status: 'closed',
          revealed: false,
          results: [{ target: { kind: 'improvement', id: 'i-1', label: 'Book' }, votes: 3, rank: 1 }],
        },
      ],
      parkingLot: [parked({ link: { kind: 'improvement', id: 'i-1' }, status: 'converted', convertedTo: { kind: 'improvement', id: 'i-2' } })],
      decisions: [
        {
          id: 'd',
          what: 'Go',
          date: '2027-03-01',
          by: [],
          links: [
            { kind: 'improvement', id: 'i-1' },
            { kind: 'version', id: 'v-1' },
            { kind: 'metric', id: 'm-1' },
            { kind: 'stage', id: 'st-1' },
            { kind: 'improvement', id: 'gone' },
          ],
          status: 'active',
          supersededBy: null,
          reason: '',
        },
      ],
    };
    const out = remapSessionIds(s, {
      improvements: new Map([
        ['i-1', 'I-1'],
        ['i-2', 'I-2'],
      ]),
      versions: new Map([['v-1', 'V-1']]),
      metrics: new Map([['m-1', 'M-1']]),
    });
    expect(out.rounds[0]!.targets.map((t) => t.id)).toEqual(['I-1', 'st-1']);
    expect(out.rounds[0]!.counts).toEqual({ 'I-1': 3, 'st-1': 1 });
    expect(out.rounds[0]!.results![0]!.target.id).toBe('I-1');
    expect(out.parkingLot[0]).toMatchObject({ link: { kind: 'improvement', id: 'I-1' }, convertedTo: { kind: 'improvement', id: 'I-2' } });
    expect(out.decisions[0]!.links.map((l) => l.id)).toEqual(['I-1', 'V-1', 'M-1', 'st-1', 'gone']);
  });
});
