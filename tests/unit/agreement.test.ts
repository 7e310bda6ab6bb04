// What an agreement freezes and how its report reads: the facts printed as agreed,
// readings recorded after the agreement marked, withdrawn agreements kept as notes.
import { exportTextMetrics } from '../../src-main/export/font-metrics';
import { describe, expect, it } from 'vitest';
import { printedFactsDiffer, printedMeta, recordedAfterAgreement } from '../../src-shared/domain/agreement';
import { buildReport } from '../../src-shared/domain/report/build-report';
import { renderHtml } from '../../src-shared/domain/report/html-writer';
import { renderMarkdown } from '../../src-shared/domain/report/markdown-writer';
import { aMetric, aReading, aReportInput, aSignOff, aWorkshopMeta } from '../fixtures/factories';

const AGREED_AT = '2026-11-23T16:30:00.000Z';

describe('the workshop facts of an agreed version', () => {
  it('are the ones frozen at agreement; a draft, or a sign-off without a snapshot, prints the current ones', () => {
    const agreed = aWorkshopMeta({ organisation: 'Acme' });
    const today = aWorkshopMeta({ organisation: 'Acme Group' });
    expect(printedMeta(today, aSignOff({ facts: agreed })).organisation).toBe('Acme');
    expect(printedMeta(today, null).organisation).toBe('Acme Group');
    expect(printedMeta(today, aSignOff()).organisation).toBe('Acme Group');
  });

  it('differ only in what the report prints: notes and status are not printed', () => {
    const meta = aWorkshopMeta();
    expect(printedFactsDiffer(meta, { ...meta, notes: 'call back', status: 'agreed' })).toBe(false);
    expect(printedFactsDiffer(meta, { ...meta, title: 'Other' })).toBe(true);
    expect(printedFactsDiffer(meta, { ...meta, participants: [...meta.participants, { id: 'p9', name: 'New', role: '' }] })).toBe(true);
    expect(printedFactsDiffer(meta, { ...meta, scope: { ...meta.scope, segment: 'SMB' } })).toBe(true);
  });
});

describe('a reading recorded after the agreement', () => {
  it('is one whose recording time is later than the agreement’s', () => {
    const signOff = aSignOff({ recordedAt: AGREED_AT });
    expect(recordedAfterAgreement('2026-11-24T09:00:00.000Z', signOff)).toBe(true);
    expect(recordedAfterAgreement('2026-11-23T09:00:00.000Z', signOff)).toBe(false);
    expect(recordedAfterAgreement(AGREED_AT, signOff)).toBe(false);
  });

  it('cannot be told apart without both times, nor on a draft', () => {
    expect(recordedAfterAgreement(undefined, aSignOff({ recordedAt: AGREED_AT }))).toBe(false);
    expect(recordedAfterAgreement('2027-01-01T00:00:00.000Z', aSignOff())).toBe(false);
    expect(recordedAfterAgreement('2027-01-01T00:00:00.000Z', null)).toBe(false);
  });

  it('is marked in the report of the agreed version, the agreed readings are not', () => {
    const before = { ...aReading('2026-10-31', 20, 'October'), recordedAt: '2026-11-01T10:00:00.000Z' };
    const after = { ...aReading('2026-12-31', 24, ''), recordedAt: '2027-01-02T10:00:00.000Z' };
    const afterWithNote = { ...aReading('2027-01-31', 25, 'January'), recordedAt: '2027-02-02T10:00:00.000Z' };
    const report = buildReport(
      aReportInput({ signOff: aSignOff({ recordedAt: AGREED_AT }), metrics: [aMetric({ readings: [before, after, afterWithNote] })] }),
    );
    expect(report.measurementPlan[0]!.readings.map((r) => r.note)).toEqual([
      'October',
      'Recorded after agreement',
      'January (recorded after agreement)',
    ]);
    const draft = buildReport(aReportInput({ signOff: null, metrics: [aMetric({ readings: [after] })] }));
    expect(draft.measurementPlan[0]!.readings[0]!.note).toBe('');
  });
});

describe('a withdrawn agreement', () => {
  const withdrawn = { agreedAt: '2026-11-20', agreedBy: ['Sam Okafor'], withdrawnAt: '2026-11-21T08:00:00.000Z', reason: 'Agreed in the wrong room' };

  it('is a note on the cover of its version’s report, in HTML and Markdown', () => {
    const report = buildReport(aReportInput({ signOff: null, agreementHistory: [withdrawn] }));
    expect(report.cover.agreementNotes).toHaveLength(1);
    expect(report.cover.agreementNotes![0]).toContain('Sam Okafor');
    expect(report.cover.agreementNotes![0]).toContain('Agreed in the wrong room');
    expect(renderHtml(report, exportTextMetrics)).toContain('Agreed in the wrong room');
    expect(renderMarkdown(report)).toContain('Agreed in the wrong room');
  });

  it('leaves no note when nothing was withdrawn', () => {
    expect(buildReport(aReportInput()).cover.agreementNotes).toEqual([]);
  });
});
