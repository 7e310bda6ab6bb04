// Export…: pick formats and paper, then the formats are built, all asked for at once
// (the backend builds two at a time on its export workers, the slowest first), and
// saved together: into a folder on the desktop, as one zip download in the browser.
// A draft version says DRAFT on every page. While it runs, "Stop export" cancels
// every format being built (export.cancel) and saves nothing.
import { useRef, useState } from 'react';
import { newId } from '../../../src-shared/domain/ids';
import type { ExportFormat as ReportExportFormat } from '../../../src-shared/api/contract';
import { reportFileStem } from '../../../src-shared/domain/file-names';
import { Dialog } from '../../components/Dialog';
import type { HostFile } from '../../host/host';
import { useEditorSession } from '../../session/SessionContext';
import { useDocumentStore } from '../../store/document-store';

type ExportFormat = ReportExportFormat | 'json';

const FORMATS: { id: ExportFormat; label: string; hint: string }[] = [
  { id: 'pdf', label: 'PDF', hint: 'print-ready report' },
  { id: 'html', label: 'HTML', hint: 'one self-contained web page' },
  { id: 'md', label: 'Markdown', hint: 'text and tables' },
  { id: 'xlsx', label: 'Excel (XLSX)', hint: 'one sheet per table' },
  { id: 'csv', label: 'CSV', hint: 'one file per table' },
  { id: 'png', label: 'PNG', hint: 'the map at 1×, 2× and 4×' },
  { id: 'svg', label: 'SVG', hint: 'the map, sharp at any size' },
  { id: 'json', label: 'Workshop file (JSON)', hint: 'imports back into Leanmap' },
];

type Step = { format: ExportFormat; state: 'waiting' | 'building' | 'done' | 'failed'; message?: string };

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const { api, host, saver, document: map } = useEditorSession();
  const versionName = useDocumentStore((s) => s.versionName);
  const agreed = useDocumentStore((s) => s.readOnly);
  const [chosen, setChosen] = useState<Set<ExportFormat>>(new Set(['pdf', 'html', 'xlsx']));
  const [paper, setPaper] = useState<'A4' | 'Letter'>('A4');
  const [steps, setSteps] = useState<Step[] | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const running = steps !== null && result === null;
  /** The exports being built now (their ids for export.cancel) and whether Stop was pressed. */
  const active = useRef<{ exportIds: Set<string>; stopped: boolean }>({ exportIds: new Set(), stopped: false });

  const cancelAll = () => {
    for (const exportId of active.current.exportIds) void api.call('export.cancel', { exportId });
  };
  const stop = () => {
    active.current.stopped = true;
    cancelAll();
  };

  const run = async () => {
    if (chosen.size === 0) return setResult({ ok: false, text: 'Pick at least one format.' });
    await saver.flush();
    const { versionId, workshop } = map.getState();
    if (!versionId || !workshop) return;
    const order = FORMATS.map((f) => f.id).filter((id) => chosen.has(id));
    let current: Step[] = order.map((format) => ({ format, state: 'building' }));
    setSteps(current);
    setResult(null);
    const mine = { exportIds: new Set<string>(), stopped: false };
    active.current = mine;
    const stopped = () => setResult({ ok: false, text: 'The export was stopped. Nothing was saved.' });
    const mark = (format: ExportFormat, step: Partial<Step>) => {
      current = current.map((s) => (s.format === format ? { ...s, ...step } : s));
      setSteps(current);
    };
    const build = async (format: ExportFormat) => {
      if (format === 'json') {
        const r = await api.call('workshop.exportFile', { id: workshop.id });
        return r.ok ? ({ ok: true, value: { files: [{ name: r.value.fileName, mime: 'application/json', data: r.value.text, encoding: 'utf8' as const }] } } as const) : r;
      }
      const exportId = newId();
      mine.exportIds.add(exportId);
      try {
        return await api.call('export.build', { versionId, format, paper, exportId });
      } finally {
        mine.exportIds.delete(exportId);
      }
    };
    const outcomes = await Promise.all(
      order.map(async (format) => {
        const built = await build(format);
        if (built.ok) mark(format, { state: 'done' });
        else if (built.error.code !== 'EXPORT_CANCELLED') {
          mark(format, { state: 'failed', message: built.error.message });
          // One format failed: nothing will be saved, so the others stop too.
          cancelAll();
        }
        return { format, built };
      }),
    );
    if (mine.stopped) return stopped();
    const failed = outcomes.find((o) => !o.built.ok && o.built.error.code !== 'EXPORT_CANCELLED');
    if (failed && !failed.built.ok) {
      return setResult({ ok: false, text: `${failed.format.toUpperCase()} could not be made: ${failed.built.error.message} Nothing was saved.` });
    }
    const files: HostFile[] = [];
    for (const { built } of outcomes) {
      if (!built.ok) return stopped();
      files.push(...built.value.files);
    }
    if (active.current.stopped) return stopped();
    try {
      const saved = await host.saveFiles(files, reportFileStem(workshop.meta.title, versionName));
      const count = `${files.length} ${files.length === 1 ? 'file' : 'files'}`;
      setResult(saved.saved ? { ok: true, text: `${count} saved to ${saved.where}.` } : { ok: false, text: 'Nothing was saved.' });
    } catch (error) {
      setResult({ ok: false, text: (error as Error).message });
    }
  };

  return (
    <Dialog title={`Export "${versionName}"`} onClose={running ? () => {} : onClose}>
      {!agreed && (
        <p className="banner banner-draft" data-testid="export-draft-note">
          This version is not agreed: every page says <strong>DRAFT</strong>. Mark it agreed first for a final report.
        </p>
      )}
      <fieldset className="export-formats">
        <legend>Formats</legend>
        {FORMATS.map((f) => (
          <label key={f.id} className="radio">
            <input
              type="checkbox"
              checked={chosen.has(f.id)}
              disabled={running}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(f.id);
                else next.delete(f.id);
                setChosen(next);
              }}
            />
            <strong>{f.label}</strong> <span className="muted">{f.hint}</span>
          </label>
        ))}
      </fieldset>
      <p className="muted" data-testid="export-where">
        {host.saveFilesHint}
      </p>
      <label className="field">
        <span>Paper (PDF)</span>
        <select value={paper} disabled={running} onChange={(e) => setPaper(e.target.value as 'A4' | 'Letter')}>
          <option value="A4">A4</option>
          <option value="Letter">US Letter</option>
        </select>
      </label>
      {steps && (
        <ol className="export-steps" aria-label="Progress" data-testid="export-progress">
          {steps.map((s) => (
            <li key={s.format} className={`export-step step-${s.state}`}>
              {s.format.toUpperCase()}: {s.state === 'building' ? 'building…' : s.state === 'done' ? 'ready' : s.state === 'failed' ? 'failed' : 'waiting'}
            </li>
          ))}
        </ol>
      )}
      {result && (
        <p className={result.ok ? 'export-ok' : 'field-error'} role={result.ok ? 'status' : 'alert'} data-testid="export-result">
          {result.text}
        </p>
      )}
      <div className="dialog-actions">
        {running ? (
          <button type="button" className="btn" onClick={stop} data-testid="export-stop">
            Stop export
          </button>
        ) : (
          <button type="button" className="btn" onClick={onClose}>
            {result?.ok ? 'Close' : 'Cancel'}
          </button>
        )}
        <button type="button" className="btn btn-primary" disabled={running} onClick={() => void run()}>
          {running ? 'Exporting…' : 'Export'}
        </button>
      </div>
    </Dialog>
  );
}
