// Compare: any two versions of the workshop (default: the open one against the one it
// came from) — the figures side by side, what each change is worth, the changes grouped
// by stage, and both maps with their marks and a stepper that walks the changes.
import { useEffect, useMemo, useReducer, useState } from 'react';
import { groupChanges, ideaFromChange, MARK_BADGES, MARK_WORDS, matchNote, worthByKey, worthText, type ChangeDescription } from '../../../src-shared/domain/compare';
import { useApi } from '../../session/SessionContext';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { createCanvasTextMetrics } from './canvas-text-metrics';
import { ComparedMaps } from './ComparedMaps';
import { focusedKey, startStepper, stepLabel, stepper } from './stepper';
import { defaultPair, relationOf, useComparison, type LoadedComparison } from './use-comparison';


function Badge({ mark }: { mark: ChangeDescription['mark'] }) {
  return (
    <span className={`change-badge change-badge-${mark}`} aria-label={MARK_WORDS[mark]} title={MARK_WORDS[mark]}>
      <span>{MARK_BADGES[mark]}</span>
    </span>
  );
}

function FiguresTable({ loaded }: { loaded: LoadedComparison }) {
  const t = loaded.report.figures;
  // Why a figure cannot be computed, said once under the table rather than in every cell.
  const notes = new Map<string, { n: number; reason: string }>();
  for (const row of t.rows) {
    const reason = row.slice(1).find((c) => c.startsWith('cannot compute: '));
    if (reason) notes.set(row[0]!, { n: notes.size + 1, reason: reason.slice('cannot compute: '.length) });
  }
  return (
    <section aria-labelledby="compare-figures">
      <h3 id="compare-figures">Figures</h3>
      <table className="compare-table" data-testid="compare-figures">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">{loaded.olderName}</th>
            <th scope="col">{loaded.newerName}</th>
            <th scope="col">Difference</th>
          </tr>
        </thead>
        <tbody>
          {t.rows.map((row) => (
            <tr key={row[0]}>
              <th scope="row">{row[0]}</th>
              {row.slice(1).map((cell, i) =>
                cell.startsWith('cannot compute') ? (
                  <td key={i} className="cannot-compute" title={cell}>
                    cannot compute{notes.has(row[0]!) ? ` (${notes.get(row[0]!)!.n})` : ''}
                  </td>
                ) : (
                  <td key={i}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {notes.size > 0 && (
        <ol className="figure-notes">
          {[...notes].map(([figure, { reason }]) => (
            <li key={figure}>
              {figure}: {reason}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function WorthList({ loaded, onPick }: { loaded: LoadedComparison; onPick: (key: string) => void }) {
  const { attribution } = loaded.comparison;
  const byKey = new Map(loaded.words.map((w) => [w.key, w]));
  if (attribution.parts.length === 0) {
    return (
      <section aria-labelledby="compare-worth">
        <h3 id="compare-worth">What each change is worth</h3>
        <p className="muted-line">No change moves the figures: only words, actions or criteria changed.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="compare-worth">
      <h3 id="compare-worth">What each change is worth</h3>
      <p className="muted-line">Each change alone on “{loaded.olderName}”, ranked; what they are worth only together makes the parts add up.</p>
      <ol className="worth-list" data-testid="compare-worth">
        {attribution.parts.map((p) => {
          const w = byKey.get(p.key);
          return (
            <li key={p.key}>
              <span className="worth-rank">{p.rank}.</span>
              <button type="button" className="link-button" onClick={() => onPick(p.key)}>
                {w ? `${w.subject}: ${w.title}` : p.key}
              </button>
              <strong className="worth">
                {worthText(p.worth, attribution.basis)}
                {p.reason && <span className="muted-line"> {p.reason}</span>}
              </strong>
            </li>
          );
        })}
      </ol>
      <p className="worth-sum">
        Only together: <strong>{worthText(attribution.interaction, attribution.basis)}</strong> · Total: <strong>{worthText(attribution.total, attribution.basis)}</strong>
      </p>
    </section>
  );
}

export function CompareView() {
  const versions = useDocumentStore((s) => s.workshop?.versions ?? []);
  const openId = useDocumentStore((s) => s.versionId);
  const [pair, setPair] = useState(() => defaultPair(versions, openId));
  const [showLayout, setShowLayout] = useState(false);
  const [metrics] = useState(createCanvasTextMetrics);
  const { loaded, error, loading } = useComparison(pair.olderId, pair.newerId, metrics);
  const [step, dispatch] = useReducer(stepper, [], startStepper);
  const workshopId = useDocumentStore((s) => s.workshop?.id ?? null);
  const notify = useUiStore((s) => s.notify);
  const api = useApi();
  /** Ideas made from changes in this visit: a change is turned into an idea once. */
  const [ideas, setIdeas] = useState<Record<string, 'saving' | 'made'>>({});

  /** One step from a change to an improvement idea, its effect filled in from the change. */
  const makeIdea = async (key: string) => {
    const change = loaded?.comparison.changes.find((c) => c.key === key);
    if (!loaded || !change || !workshopId) return;
    setIdeas((m) => ({ ...m, [key]: 'saving' }));
    const fields = ideaFromChange(change, loaded.older, loaded.newer, loaded.newerName);
    const made = await api.call('improvement.create', { workshopId, fields });
    if (made.ok) {
      setIdeas((m) => ({ ...m, [key]: 'made' }));
      notify({ text: `Idea added to the improvement list: ${fields.idea}`, tone: 'info' });
    } else {
      setIdeas((m) => Object.fromEntries(Object.entries(m).filter(([k]) => k !== key)));
      notify({ text: made.error.message, tone: 'error' });
    }
  };

  const groups = useMemo(() => (loaded ? groupChanges(loaded.words, { showLayout }) : []), [loaded, showLayout]);
  const keys = useMemo(() => groups.flatMap((g) => g.changes.map((c) => c.key)), [groups]);
  useEffect(() => dispatch({ kind: 'reset', keys }), [keys]);
  const focused = focusedKey(step);
  const focusedWords = loaded?.words.find((w) => w.key === focused) ?? null;
  const worth = loaded ? worthByKey(loaded.comparison.attribution) : new Map();

  // ← and → walk the changes, unless the facilitator is typing or choosing.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowRight') dispatch({ kind: 'next' });
      else if (e.key === 'ArrowLeft') dispatch({ kind: 'previous' });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const note =
    loaded && pair.olderId && pair.newerId
      ? matchNote({
          older: { name: loaded.olderName, doc: loaded.older },
          newer: { name: loaded.newerName, doc: loaded.newer },
          relation: relationOf(versions, pair.olderId, pair.newerId),
        })
      : null;

  if (versions.length < 2) {
    return (
      <main className="compare compare-empty">
        <p>This workshop has one map version. Make a new version (Workshop ▾ → New version…) to compare it with this one.</p>
      </main>
    );
  }

  const picker = (which: 'olderId' | 'newerId', label: string) => (
    <label className="compare-pick">
      {label}
      <select className="btn" value={pair[which] ?? ''} onChange={(e) => setPair((p) => ({ ...p, [which]: e.target.value }))}>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
            {v.signOff ? ' (agreed)' : ''}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <main className="compare" data-testid="compare">
      <div className="compare-bar">
        <h2>Compare</h2>
        {picker('olderId', 'Before')}
        <button type="button" className="btn btn-small" onClick={() => setPair((p) => ({ olderId: p.newerId, newerId: p.olderId }))} aria-label="Swap before and after">
          ⇄
        </button>
        {picker('newerId', 'After')}
        <div className="compare-stepper" role="group" aria-label="Step through the changes">
          <button type="button" className="btn" onClick={() => dispatch({ kind: 'previous' })} disabled={keys.length === 0} title="Previous change (←)">
            ← Previous
          </button>
          <span className="step-label" data-testid="compare-step" aria-live="polite">
            {stepLabel(step)}
          </span>
          <button type="button" className="btn" onClick={() => dispatch({ kind: 'next' })} disabled={keys.length === 0} title="Next change (→)">
            Next →
          </button>
        </div>
      </div>
      {note && <p className="compare-note" data-testid="compare-note">{note}</p>}
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      )}
      {loading && <p className="muted-line">Comparing…</p>}
      {loaded && (
        <div className="compare-body">
          <aside className="compare-side">
            <FiguresTable loaded={loaded} />
            <WorthList loaded={loaded} onPick={(key) => dispatch({ kind: 'go', key })} />
            <section aria-labelledby="compare-changes">
              <h3 id="compare-changes">Changes</h3>
              <label className="check-line">
                <input type="checkbox" checked={showLayout} onChange={(e) => setShowLayout(e.target.checked)} /> Show cards that were only moved
              </label>
              {groups.length === 0 && <p className="muted-line">Nothing changed{showLayout ? '' : ' apart from, perhaps, where cards sit'}.</p>}
              {groups.map((g) => (
                <div key={g.stageName} className="change-group">
                  <h4>{g.stageName}</h4>
                  <ul className="change-list" data-testid="compare-changes">
                    {g.changes.map((c) => {
                      const part = worth.get(c.key);
                      const change = loaded.comparison.changes.find((x) => x.key === c.key)!;
                      const effects = ideaFromChange(change, loaded.older, loaded.newer, loaded.newerName).effects.length;
                      return (
                        <li key={c.key} className={c.key === focused ? 'change change-focused' : 'change'} aria-current={c.key === focused ? 'step' : undefined}>
                          <button type="button" className="change-pick" onClick={() => dispatch({ kind: 'go', key: c.key })}>
                            <Badge mark={c.mark} />
                            <span>
                              <strong>{c.subject}</strong> {c.title}
                            </span>
                          </button>
                          {(c.before.text || c.after.text) && c.mark === 'changed' && (
                            <div className="change-texts">
                              <span className="was">{c.before.text}</span> → <span className="now">{c.after.text}</span>
                            </div>
                          )}
                          <div className="change-foot">
                            {part && <span className="worth">{worthText(part.worth, loaded.comparison.attribution.basis)}</span>}
                            {!c.layoutOnly && (
                            <button
                              type="button"
                              className="btn btn-small"
                              disabled={ideas[c.key] !== undefined}
                              onClick={() => void makeIdea(c.key)}
                              title={effects ? 'Make an improvement idea with its expected effect filled in from this change' : 'Make an improvement idea from this change'}
                            >
                              {ideas[c.key] === 'made' ? 'Idea made ✓' : ideas[c.key] === 'saving' ? 'Making…' : 'Make an idea'}
                            </button>
                            )}
                          </div>
                        </li>
                      );
                    })}
                  </ul>
                </div>
              ))}
            </section>
          </aside>
          <div className="compare-right">
            {focusedWords && (
              <div className="compare-focus-text" data-testid="compare-focus">
                <Badge mark={focusedWords.mark} />
                <span>
                  <strong>{focusedWords.subject}</strong> {focusedWords.title}
                  {focusedWords.mark === 'changed' && focusedWords.before.text ? `: ${focusedWords.before.text} → ${focusedWords.after.text}` : ''}
                </span>
              </div>
            )}
            <ComparedMaps
              before={loaded.report.maps.before}
              after={loaded.report.maps.after}
              metrics={metrics}
              focus={focusedWords ? { before: focusedWords.before.target, after: focusedWords.after.target } : null}
              pairKey={`${pair.olderId}|${pair.newerId}`}
            />
          </div>
        </div>
      )}
    </main>
  );
}
