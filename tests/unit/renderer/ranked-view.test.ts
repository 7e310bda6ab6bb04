// The Improvements view's ranking counts the room's votes from closed rounds with the
// votes typed on each idea, as the report does, and keeps each stored record as it is.
import { describe, expect, it } from 'vitest';
import type { PlanImprovement } from '../../../src-shared/api/contract';
import { rankForView } from '../../../src-renderer/features/improvements/ranked';
import { aMapDocument } from '../../fixtures/factories';
import { anImprovement } from '../../fixtures/improvements';

const planned = (id: string, idea: string, votes: number): PlanImprovement => ({
  ...anImprovement({ id, idea, votes }),
  revision: 1,
  workshopId: 'w1',
  createdAt: '2027-03-01T09:00:00.000Z',
});

describe('ranking ideas for the view', () => {
  // Neither idea states an effect or scores: only the votes tell them apart.
  const typed = planned('i-typed', 'Typed favourite', 4);
  const room = planned('i-room', 'Room favourite', 1);

  it('ranks by typed votes alone when no round counted any', () => {
    expect(rankForView(aMapDocument(), [typed, room]).map((r) => [r.id, r.votes, r.rank])).toEqual([
      ['i-typed', 4, 1],
      ['i-room', 1, 2],
    ]);
  });

  it('adds the room’s votes (1 typed + 5 in rounds = 6 beats 4) and keeps the stored record’s typed votes', () => {
    const ranked = rankForView(aMapDocument(), [typed, room], new Map([['i-room', 5]]));
    expect(ranked.map((r) => [r.id, r.votes, r.rank])).toEqual([
      ['i-room', 6, 1],
      ['i-typed', 4, 2],
    ]);
    expect(ranked[0]!.item.votes).toBe(1);
  });
});
