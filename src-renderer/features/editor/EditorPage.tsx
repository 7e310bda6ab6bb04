// The map editor of one workshop: toolbar, canvas and inspector, with the
// document loaded into the store and saved continuously.
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import type { MapVersion } from '../../../src-shared/api/contract';
import { MapCanvas } from '../../canvas/MapCanvas';
import type { MapFlowNode, TransitionFlowEdge } from '../../canvas/flow-types';
import { useEditorSession } from '../../session/SessionContext';
import type { JournalEntry, UnsavedJournal } from '../../store/unsaved-journal';
import { openMap } from './open-map';
import { assessRecovery, type Recovery } from '../../store/recovery';
import { RecoveryBanner } from './RecoveryBanner';
import { useUiStore } from '../../store/ui-store';
import { SidePanel } from '../inspector/SidePanel';
import { MeasurementPlan } from '../plan/MeasurementPlan';
import { exportWorkshopFile } from '../library/import-export';
import { ConflictBanner } from './ConflictBanner';
import { addOutcomeCommand } from './editor-commands';
import { OutcomeChooser } from './OutcomeChooser';
import { focusCanvas } from '../../canvas/canvas-focus';
import { Toolbar, type EditorView } from './Toolbar';
import { useEditorShortcuts } from './use-shortcuts';
import { WorkshopDetailsDialog } from './WorkshopDetailsDialog';
import { AgreeDialog } from '../versions/AgreeDialog';
import { AgreedBanner } from '../versions/AgreedBanner';
import { NewVersionDialog } from '../versions/NewVersionDialog';
import { VersionsDialog } from '../versions/VersionsDialog';
import { WithdrawDialog } from '../versions/WithdrawDialog';
import { ExportDialog } from '../export/ExportDialog';
import { FacilitationConsole } from '../facilitation/FacilitationConsole';
import { useImprovementStore } from '../../store/improvement-store';
import { CaptureDialog } from '../improvements/CaptureDialog';
import { ImprovementsView } from '../improvements/ImprovementsView';
import { ReviewView } from '../improvements/ReviewView';
import { useRemoteUpdates } from './use-remote-updates';
import { CompareView } from '../compare/CompareView';
import { RoomConsole } from '../facilitation/RoomConsole';

interface EditorLayoutProps {
  workshopId: string;
  onBack: () => void;
  onReload: () => void;
  onOpenVersion: (versionId: string) => void;
  recovery: Recovery;
  onRestore: () => void;
  onDiscardRecovery: () => void;
}

function EditorLayout({ workshopId, onBack, onReload, onOpenVersion, recovery, onRestore, onDiscardRecovery }: EditorLayoutProps) {
  const flow = useReactFlow<MapFlowNode, TransitionFlowEdge>();
  const session = useEditorSession();
  const [details, setDetails] = useState(false);
  const [dialog, setDialog] = useState<'agree' | 'new-version' | 'export' | 'versions' | 'withdraw' | null>(null);
  const [view, setView] = useState<EditorView>('map');
  const [choosingOutcome, setChoosingOutcome] = useState(false);
  const notify = useUiStore((s) => s.notify);
  const draft = useImprovementStore((s) => s.draft);
  const sidePanelHidden = useUiStore((s) => s.sidePanelHidden);
  const mapOnly = useUiStore((s) => s.mapOnly) && view === 'map';
  const chooseOutcome = useCallback(() => setChoosingOutcome(true), []);
  useEditorShortcuts(flow, view === 'map', chooseOutcome);
  const exportFile = async () => {
    await session.saver.flush();
    const id = session.document.getState().workshop?.id;
    if (!id) return;
    const result = await exportWorkshopFile(session, id);
    if (result && !result.ok) notify({ text: result.message, tone: 'error' });
    if (result?.ok) notify({ text: `Saved to ${result.where}.`, tone: 'info' });
  };
  return (
    <div className={`editor${mapOnly ? ' editor-map-only' : ''}`} data-testid="editor">
      {!mapOnly && (
      <>
      <Toolbar
        onBack={onBack}
        onDetails={() => setDetails(true)}
        onExportFile={() => void exportFile()}
        onExportReport={() => setDialog('export')}
        onOpenVersion={onOpenVersion}
        onNewVersion={() => setDialog('new-version')}
        onAgree={() => setDialog('agree')}
        onVersions={() => setDialog('versions')}
        view={view}
        onView={setView}
      />
      <RoomConsole workshopId={workshopId} />
      </>
      )}
      <ConflictBanner onReload={onReload} />
      <RecoveryBanner recovery={recovery} onRestore={onRestore} onDiscard={onDiscardRecovery} />
      <AgreedBanner onNewVersion={() => setDialog('new-version')} onWithdraw={() => setDialog('withdraw')} />
      <div className="editor-body">
        {view === 'map' ? (
          <>
            <MapCanvas />
            {mapOnly && (
              <button type="button" className="btn map-only-exit" onClick={() => session.ui.getState().toggleMapOnly()}>
                Show the toolbar <kbd>W</kbd>
              </button>
            )}
            {!sidePanelHidden && !mapOnly && <SidePanel onShowPlan={() => setView('plan')} />}
          </>
        ) : view === 'plan' ? (
          <MeasurementPlan />
        ) : view === 'improvements' ? (
          <ImprovementsView onVoteOpened={() => setView('run')} />
        ) : view === 'review' ? (
          <ReviewView />
        ) : view === 'run' ? (
          <FacilitationConsole workshopId={workshopId} />
        ) : (
          <CompareView />
        )}
      </div>
      {choosingOutcome && (
        <OutcomeChooser
          onChoose={(kind) => {
            setChoosingOutcome(false);
            addOutcomeCommand(session, kind, flow);
            // The new outcome card is drawn once the canvas has panned to it.
            setTimeout(() => focusCanvas(session.ui), 350);
          }}
          onClose={() => setChoosingOutcome(false)}
        />
      )}
      {draft && <CaptureDialog draft={draft} />}
      {details && <WorkshopDetailsDialog onClose={() => setDetails(false)} />}
      {dialog === 'agree' && (
        <AgreeDialog
          onClose={() => setDialog(null)}
          onAgreed={onReload}
          onEditDetails={() => {
            setDialog(null);
            setDetails(true);
          }}
        />
      )}
      {dialog === 'new-version' && <NewVersionDialog onClose={() => setDialog(null)} onCreated={onOpenVersion} />}
      {dialog === 'export' && <ExportDialog onClose={() => setDialog(null)} />}
      {dialog === 'withdraw' && <WithdrawDialog onClose={() => setDialog(null)} onWithdrawn={onReload} />}
      {dialog === 'versions' && (
        <VersionsDialog
          onClose={() => setDialog(null)}
          onChanged={(openInstead) => (openInstead ? onOpenVersion(openInstead) : onReload())}
        />
      )}
    </div>
  );
}

const NOTHING_TO_RECOVER: Recovery = { kind: 'nothing' };

/** Unsaved edits of this map kept in the local journal but never saved; a stale entry is dropped. */
async function findUnsavedEdits(journal: UnsavedJournal, read: Promise<JournalEntry | null>, version: MapVersion): Promise<Recovery> {
  const entry = await read;
  const found = assessRecovery(entry, version);
  if (entry && found.kind === 'nothing') void journal.remove(version.workshopId, version.id).catch(() => undefined);
  return found;
}

interface EditorPageProps {
  workshopId: string;
  versionId: string | null;
  onOpenVersion: (versionId: string) => void;
  onBack: () => void;
}

export function EditorPage({ workshopId, versionId, onOpenVersion, onBack }: EditorPageProps) {
  const [error, setError] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [recovery, setRecovery] = useState<Recovery>(NOTHING_TO_RECOVER);
  const session = useEditorSession();
  const { api, saver, journal, document: map } = session;
  // Saves, version changes and plan changes made in other windows show here at once.
  useRemoteUpdates(workshopId);

  const load = useCallback(async () => {
    const opened = await openMap({ api, saver, journal }, workshopId, versionId);
    if (!opened.ok) return setError(opened.message);
    const { workshop, version: chosen, journalEntry } = opened;
    const before = map.getState();
    // "Reload the latest map" after a refused save: the facilitator chose the stored
    // map over the edits on screen, so they are not offered back.
    const tookLatest = before.saveState === 'conflict' && before.versionId === chosen.id;
    map.getState().load(workshop, chosen);
    if (tookLatest) await journal.remove(workshopId, chosen.id).catch(() => undefined);
    setRecovery(tookLatest ? NOTHING_TO_RECOVER : await findUnsavedEdits(journal, journalEntry, chosen));
    void session.plan.getState().load(chosen.id);
    void session.improvements.getState().load(workshop.id);
    session.ui.getState().clearSelection();
    setLoaded(true);
  }, [session, api, saver, journal, map, workshopId, versionId]);

  useEffect(() => {
    const stop = saver.start();
    void load();
    return () => {
      // Save what is pending; the store keeps the last map until the next one loads.
      void saver.flush();
      stop();
    };
  }, [saver, load]);

  const restore = async () => {
    if (recovery.kind !== 'restore') return;
    setRecovery(NOTHING_TO_RECOVER);
    // One undoable step on top of the stored map, saved at once.
    map.getState().change(() => recovery.entry.doc, { commit: true });
    await saver.flush();
    const saved = map.getState().saveState === 'saved';
    session.ui.getState().notify({
      text: `Restored the unsaved changes to “${recovery.entry.versionName}”${saved ? ' and saved them' : ''}. ${recovery.changes}`,
      tone: 'info',
    });
  };

  const discardRecovery = () => {
    if (recovery.kind === 'nothing') return;
    const { workshopId: w, versionId: v } = recovery.entry;
    setRecovery(NOTHING_TO_RECOVER);
    void journal.remove(w, v).catch(() => undefined);
  };

  const back = async () => {
    await saver.flush();
    onBack();
  };

  if (error) {
    return (
      <main className="editor-error">
        <div className="banner banner-error" role="alert">
          {error}
        </div>
        <button type="button" className="btn" onClick={onBack}>
          ← Back to the library
        </button>
      </main>
    );
  }
  if (!loaded) return <main className="loading">Opening the map…</main>;
  return (
    <ReactFlowProvider>
      <EditorLayout
        workshopId={workshopId}
        onBack={() => void back()}
        onReload={() => void load()}
        onOpenVersion={onOpenVersion}
        recovery={recovery}
        onRestore={() => void restore()}
        onDiscardRecovery={discardRecovery}
      />
    </ReactFlowProvider>
  );
}
