// The editor's toolbar: navigation, the map's commands with their shortcuts, and the save state.
import { useReactFlow } from '@xyflow/react';
import { OUTCOME_KINDS, OUTCOME_LABELS, type OutcomeKind } from '../../../src-shared/domain/map-document';
import type { MapFlowNode, TransitionFlowEdge } from '../../canvas/flow-types';
import { canRedo, canUndo } from '../../store/history';
import { useEditorSession } from '../../session/SessionContext';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { addOutcomeCommand, addStageCommand, autoLayoutCommand } from './editor-commands';
import { SaveStatus } from './SaveStatus';
import { Menu } from '../../components/Menu';
import { VersionSwitcher } from '../versions/VersionSwitcher';
import { FIT_VIEW } from '../../canvas/canvas-view';

export type EditorView = 'map' | 'plan' | 'improvements' | 'review' | 'compare' | 'run';

interface ToolbarProps {
  view: EditorView;
  onView: (view: EditorView) => void;
  onBack: () => void;
  onDetails: () => void;
  onExportFile: () => void;
  onExportReport: () => void;
  onOpenVersion: (versionId: string) => void;
  onNewVersion: () => void;
  onAgree: () => void;
  onVersions: () => void;
}

export function Toolbar({ view, onView, onBack, onDetails, onExportFile, onExportReport, onOpenVersion, onNewVersion, onAgree, onVersions }: ToolbarProps) {
  const flow = useReactFlow<MapFlowNode, TransitionFlowEdge>();
  const session = useEditorSession();
  const title = useDocumentStore((s) => s.workshop?.meta.title ?? '');
  const organisation = useDocumentStore((s) => s.workshop?.meta.organisation ?? '');
  const versionName = useDocumentStore((s) => s.versionName);
  const readOnly = useDocumentStore((s) => s.readOnly);
  const tidying = useUiStore((s) => s.tidying);
  const undoable = useDocumentStore((s) => (s.history ? canUndo(s.history) : false));
  const redoable = useDocumentStore((s) => (s.history ? canRedo(s.history) : false));
  const undo = useDocumentStore((s) => s.undo);
  const redo = useDocumentStore((s) => s.redo);
  return (
    <header className="toolbar">
      <button type="button" className="btn" onClick={onBack} aria-label="Back to the workshop library">
        ←<span className="toolbar-word"> Library</span>
      </button>
      <div className="toolbar-title">
        <h1 data-testid="workshop-title">{title}</h1>
        <div className="toolbar-subtitle">
          {organisation && <span className="muted">{organisation}</span>}
          <VersionSwitcher onOpen={onOpenVersion} />
          <SaveStatus />
        </div>
      </div>
      <div className="view-switch" role="group" aria-label="View">
        <button type="button" aria-pressed={view === 'map'} onClick={() => onView('map')}>
          Map
        </button>
        <button type="button" aria-pressed={view === 'plan'} aria-label="Measurement plan" onClick={() => onView('plan')}>
          <span className="label-wide">Measurement plan</span>
          <span className="label-narrow" aria-hidden="true">
            Plan
          </span>
        </button>
        <button type="button" aria-pressed={view === 'improvements'} onClick={() => onView('improvements')}>
          Improvements
        </button>
        <button type="button" aria-pressed={view === 'review'} onClick={() => onView('review')}>
          Review
        </button>
        <button type="button" aria-pressed={view === 'compare'} onClick={() => onView('compare')} title="Compare two versions">
          Compare
        </button>
        <button type="button" aria-pressed={view === 'run'} onClick={() => onView('run')}>
          Run the room
        </button>
      </div>
      {view === 'map' && (
      <>
      <div className="toolbar-group" role="group" aria-label="Map">
        <button type="button" className="btn btn-primary" disabled={readOnly} onClick={() => addStageCommand(session, flow)} title="Add stage (N)">
          + Stage <kbd>N</kbd>
        </button>
        <select
          className="btn"
          aria-label="Add outcome"
          value=""
          disabled={readOnly}
          onChange={(e) => e.target.value && addOutcomeCommand(session, e.target.value as OutcomeKind, flow)}
        >
          <option value="">+ Outcome…</option>
          {OUTCOME_KINDS.map((k) => (
            <option key={k} value={k}>
              {OUTCOME_LABELS[k]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn"
          disabled={readOnly || tidying}
          aria-busy={tidying}
          onClick={() => void autoLayoutCommand(session, flow)}
          title="Tidy layout (L)"
        >
          {tidying ? 'Tidying…' : <>Tidy<span className="toolbar-word"> layout</span> <kbd>L</kbd></>}
        </button>
        <button type="button" className="btn" onClick={() => void flow.fitView({ ...FIT_VIEW, duration: 300 })} title="Fit to screen (F)">
          Fit <kbd>F</kbd>
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label="History">
        <button type="button" className="btn" disabled={!undoable || readOnly} onClick={undo} title="Undo (Ctrl+Z)">
          ↶ <span className="toolbar-word">Undo</span>
        </button>
        <button type="button" className="btn" disabled={!redoable || readOnly} onClick={redo} title="Redo (Ctrl+Shift+Z)">
          ↷ <span className="toolbar-word">Redo</span>
        </button>
      </div>
      </>
      )}
      <div className="toolbar-group toolbar-workshop" role="group" aria-label="Workshop">
        <button type="button" className="btn btn-primary" onClick={onExportReport}>
          Export…
        </button>
        <Menu
          label="Workshop"
          items={[
            { label: 'Workshop details…', onSelect: onDetails },
            { label: `Mark "${versionName}" agreed…`, onSelect: onAgree, disabled: readOnly },
            { label: 'New version…', onSelect: onNewVersion },
            { label: 'Map versions…', onSelect: onVersions },
            { label: 'Compare versions', onSelect: () => onView('compare') },
            { label: 'Save workshop file (.leanmap.json)', onSelect: onExportFile },
          ]}
        />
      </div>
    </header>
  );
}
