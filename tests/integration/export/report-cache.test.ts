// The export worker reuses the report of its last job while the next jobs bring the
// same inputs (one export asks for each format in turn), with each job's own time on
// the cover; a change of inputs, or of the day, builds it anew.
import { describe, expect, it } from 'vitest';
import type { ReportSource } from '../../../src-main/export/export-protocol';
import { reportOf } from '../../../src-main/export/report-cache';
import { aReportInput } from '../../fixtures/factories';

function aSource(generatedAt: string): ReportSource {
  const { textMetrics: _unused, ...source } = aReportInput({ generatedAt });
  return source;
}

describe('the report an export worker reuses', () => {
  const source = aSource('2026-11-22T09:00:00.000Z');

  it('is the same layout for the same inputs later that day, with the later time on its cover', () => {
    const first = reportOf(source);
    const later = reportOf({ ...source, generatedAt: '2026-11-22T09:00:05.000Z' });
    expect(later.map).toBe(first.map);
    expect(later.cover.generatedAt).toBe('2026-11-22T09:00:05.000Z');
    expect(first.cover.generatedAt).toBe('2026-11-22T09:00:00.000Z');
  });

  it('is built anew when the map changed or the day did', () => {
    const first = reportOf(source);
    const renamed = { ...source, document: { ...source.document, stages: source.document.stages.map((s, i) => (i === 0 ? { ...s, name: 'Renamed' } : s)) } };
    const changed = reportOf(renamed);
    expect(changed.map).not.toBe(first.map);
    expect(changed.map.nodes.some((n) => n.title === 'Renamed')).toBe(true);
    const nextDay = reportOf({ ...renamed, generatedAt: '2026-11-23T09:00:00.000Z' });
    expect(nextDay.map).not.toBe(changed.map);
  });
});
