// A stage card: the customer's step with its goal, the customer's and the
// seller's actions and the exit criteria, each visibly its own kind.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Action } from '../../../src-shared/domain/map-document';
import { formatNumber, formatPercent } from '../../../src-shared/domain/number-format';
import type { StageFlowNode } from '../flow-types';
import { ImprovementMarker } from '../../features/improvements/ImprovementMarker';
import { useImprovementMark } from '../../features/improvements/marks';
import { useCanvasView } from '../canvas-view';
import { EXIT_MARKER } from '../exit-markers';

const LEAN_MARK: Record<NonNullable<Action['leanClass']>, { letter: string; title: string }> = {
  value: { letter: 'V', title: 'Value: the customer would pay for it' },
  necessary: { letter: 'N', title: 'Necessary, adds no value' },
  waste: { letter: 'W', title: 'Waste' },
};

function ActionLine({ action, servesNothing }: { action: Action; servesNothing: boolean }) {
  const mark = action.leanClass ? LEAN_MARK[action.leanClass] : null;
  return (
    <li className="card-line">
      {mark && (
        <span className={`lean-mark lean-${action.leanClass}`} title={mark.title} aria-label={mark.title}>
          {mark.letter}
        </span>
      )}
      <span className="card-line-text">{action.text || <em className="placeholder">(no text yet)</em>}</span>
      {action.actor !== 'customer' && action.actor !== 'seller' && <span className="actor-tag">{action.actor}</span>}
      {servesNothing && (
        <span className="warn-tag" title="This seller action helps no customer action">
          helps no customer action
        </span>
      )}
    </li>
  );
}

/** Below this zoom the card's lines are unreadable, so it shows its name in large type instead. */
export const OVERVIEW_ZOOM = 0.6;
const exitHandleStyle = { left: EXIT_MARKER.spine };

function Handles({ children }: { children: React.ReactNode }) {
  return (
    <>
      <Handle type="target" position={Position.Left} id="in" className="handle" />
      <Handle type="target" position={Position.Bottom} id="loop-in" className="handle handle-loop" style={{ left: '30%' }} />
      {children}
      <Handle type="source" position={Position.Right} id="out" className="handle" />
      <Handle type="source" position={Position.Bottom} id="loop-out" className="handle handle-loop" style={{ left: '70%' }} />
      {/* Where the exits leave for their outcome markers above the card (exit-markers.ts). */}
      <Handle type="source" position={Position.Top} id="exit-out" className="handle handle-exit" style={exitHandleStyle} isConnectable={false} />
    </>
  );
}

function StageNumbers({ data }: { data: StageFlowNode['data'] }) {
  const { stage, flags } = data;
  const days = stage.daysPerVisit;
  const ca = stage.completeAndAccurate;
  if (days === null && ca === null && !flags.ratesExceed) return null;
  return (
    <div className="stage-numbers">
      {days !== null && <span className="stage-badge">{formatNumber(days)} days</span>}
      {ca !== null && <span className="stage-badge">C&amp;A {formatPercent(ca)}</span>}
      {flags.ratesExceed && (
        <span className="stage-error" role="alert">
          Ways out add up to {formatPercent(flags.rateSum)}
        </span>
      )}
    </div>
  );
}

function StageNodeView({ data, selected }: NodeProps<StageFlowNode>) {
  const { stage } = data;
  // From the canvas: the card re-renders when the threshold is crossed, not on every zoom frame.
  const { overview } = useCanvasView();
  const customer = stage.actions.filter((a) => a.actor === 'customer');
  const sellerSide = stage.actions.filter((a) => a.actor !== 'customer');
  // One of the top two improvements works here: outlined apart from the bottleneck highlight.
  const focus = useImprovementMark(stage.id)?.focusRank ? ' is-improvement-focus' : '';
  if (overview) {
    return (
      <div className={`stage-card stage-card-overview${selected ? ' is-selected' : ''}${data.flags.ratesExceed ? ' has-error' : ''}${focus}`} data-testid="stage-card" aria-label={`Stage ${stage.name}`}>
        <Handles>
          <ImprovementMarker objectId={stage.id} />
          <h3 className="stage-name-overview">{stage.name || 'Unnamed stage'}</h3>
          <StageNumbers data={data} />
          <p className="stage-counts">
            <span className="count-customer">{customer.length} customer</span>
            <span className="count-seller">{sellerSide.length} seller</span>
            <span className="count-exit">{stage.exitCriteria.length} exit</span>
          </p>
        </Handles>
      </div>
    );
  }
  return (
    <div className={`stage-card${selected ? ' is-selected' : ''}${data.flags.ratesExceed ? ' has-error' : ''}${focus}`} data-testid="stage-card" aria-label={`Stage ${stage.name}`}>
      <Handles>
      <header className="stage-card-header">
        <ImprovementMarker objectId={stage.id} />
        <h3 className="stage-name">{stage.name || <em className="placeholder">Unnamed stage</em>}</h3>
        {stage.customerGoal && <p className="stage-goal">{stage.customerGoal}</p>}
        <StageNumbers data={data} />
      </header>
      <section className="card-section section-customer">
        <h4>Customer does</h4>
        {customer.length === 0 ? (
          <p className="warn-line">No customer action yet</p>
        ) : (
          <ul>
            {customer.map((a) => (
              <ActionLine key={a.id} action={a} servesNothing={false} />
            ))}
          </ul>
        )}
      </section>
      <section className="card-section section-seller">
        <h4>We do</h4>
        {sellerSide.length === 0 ? (
          <p className="muted-line">No seller action yet</p>
        ) : (
          <ul>
            {sellerSide.map((a) => (
              <ActionLine key={a.id} action={a} servesNothing={a.actor === 'seller' && a.serves.length === 0} />
            ))}
          </ul>
        )}
      </section>
      <section className="card-section section-exit">
        <h4>Exit criteria</h4>
        {stage.exitCriteria.length === 0 ? (
          <p className="warn-line">No exit criteria yet</p>
        ) : (
          <ul>
            {stage.exitCriteria.map((c) => (
              <li key={c.id} className="card-line">
                <span className="exit-mark" aria-hidden="true">
                  ✓
                </span>
                <span className="card-line-text">{c.text || <em className="placeholder">(no text yet)</em>}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      </Handles>
    </div>
  );
}

export const StageNode = memo(StageNodeView);
