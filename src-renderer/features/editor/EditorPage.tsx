// The map editor of one workshop: toolbar, canvas and inspector, with the
// document loaded into the store and saved continuously.
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { MapCanvas } from '../../canvas/MapCanvas';
import type { MapFlowNode, TransitionFlowEdge } from '../../canvas/flow-types';
import { useDocumentStore } from '../../store/document-store';
import { flushSave, startSaver } from '../../store/saver';
import { useUiStore } from '../../store/ui-store';
import { SidePanel } from '../inspector/SidePanel';
import { MeasurementPlan } from '../plan/MeasurementPlan';
import { usePlanStore } from '../../store/plan-store';
import { exportWorkshopFile } from '../library/import-export';
import { ConflictBanner } from './ConflictBanner';
import { Toolbar, type EditorView } from './Toolbar';
import { useEditorShortcuts } from './use-shortcuts';
import { WorkshopDetailsDialog } from './WorkshopDetailsDialog';

function EditorLayout({ onBack, onReload }: { onBack: () => void; onReload: () => void }) {
  const flow = useReactFlow<MapFlowNode, TransitionFlowEdge>();
  const [details, setDetails] = useState(false);
  const [view, setView] = useState<EditorView>('map');
  const notify = useUiStore((s) => s.notify);
  useEditorShortcuts(flow, view === 'map');
  const exportFile = async () => {
    await flushSave();
    const id = useDocumentStore.getState().workshop?.id;
    if (!id) return;
    const result = await exportWorkshopFile(id);
    if (result && !result.ok) notify({ text: result.message, tone: 'error' });
    if (result?.ok) notify({ text: `Saved to ${result.where}.`, tone: 'info' });
  };
  return (
    <div className="editor" data-testid="editor">
      <Toolbar onBack={onBack} onDetails={() => setDetails(true)} onExport={() => void exportFile()} view={view} onView={setView} />
      <ConflictBanner onReload={onReload} />
      <div className="editor-body">
        {view === 'map' ? (
          <>
            <MapCanvas />
            <SidePanel onShowPlan={() => setView('plan')} />
          </>
        ) : (
          <MeasurementPlan />
        )}
      </div>
      {details && <WorkshopDetailsDialog onClose={() => setDetails(false)} />}
    </div>
  );
}

export function EditorPage({ workshopId, onBack }: { workshopId: string; onBack: () => void }) {
  const [error, setError] = useState('');
  const [loaded, setLoaded] = useState(false);

  const load = useCallback(async () => {
    const workshop = await api().call('workshop.get', { id: workshopId });
    if (!workshop.ok) return setError(workshop.error.message);
    const first = workshop.value.versions[0];
    if (!first) return setError('This workshop has no map.');
    const version = await api().call('map.get', { versionId: first.id });
    if (!version.ok) return setError(version.error.message);
    useDocumentStore.getState().load(workshop.value, version.value);
    void usePlanStore.getState().load(workshop.value.id);
    useUiStore.setState({ selection: null, justAdded: null });
    setLoaded(true);
  }, [workshopId]);

  useEffect(() => {
    const stop = startSaver();
    void load();
    return () => {
      void flushSave().finally(() => useDocumentStore.getState().clear());
      stop();
    };
  }, [load]);

  const back = async () => {
    await flushSave();
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
      <EditorLayout onBack={() => void back()} onReload={() => void load()} />
    </ReactFlowProvider>
  );
}
