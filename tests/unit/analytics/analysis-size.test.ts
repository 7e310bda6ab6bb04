// What the analysis of a large map weighs: it is kept for as long as the map is open
// and copied from the worker each time a rate changes. A figure lists the inputs it
// used as ids and values; their words are put together when shown (inputLabel), so the
// result worded with the map's names shares every input list with the computed one.
import { describe, expect, it } from 'vitest';
import { bigMap } from '../../../bench/big-map';
import { analyseChain, analysisInputs, chainWording, inputLabel, type Figure } from '../../../src-shared/domain/analytics';

const okInputs = (figure: Figure<unknown>) => (figure.status === 'ok' ? figure.inputs : expect.fail(`expected an ok figure, got ${figure.status}`));

describe('the analysis of a 1,000-stage map', () => {
  const doc = bigMap(1000);
  const inputs = analysisInputs(doc);
  const chain = analyseChain(inputs);

  it('is under 3.6 MB as JSON (4.8 MB while every input carried its label)', () => {
    expect(JSON.stringify(chain).length).toBeLessThan(3_600_000);
  });

  it('worded with the map’s names, still shares the input lists with the computed result', () => {
    const worded = chainWording(chain, inputs)(doc);
    expect(worded.figures.winRate).toBe(chain.figures.winRate);
    expect(okInputs(worded.figures.cycleTimeDays)).toBe(okInputs(chain.figures.cycleTimeDays));
    expect(worded.rolledCompleteAndAccurate).toBe(chain.rolledCompleteAndAccurate);
  });

  it('words each input with today’s names when asked', () => {
    const days = okInputs(chain.figures.cycleTimeDays).find((i) => i.kind === 'days-per-visit')!;
    const stage = doc.stages.find((s) => s.id === (days as { stageId: string }).stageId)!;
    expect(inputLabel(doc, days)).toBe(`Days per visit in "${stage.name}"`);
    const conversion = okInputs(chain.figures.winRate).find((i) => i.kind === 'conversion')!;
    expect(inputLabel(doc, conversion)).toMatch(/^Conversion rate from ".+" to ".+"/);
  });
});
