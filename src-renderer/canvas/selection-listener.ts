// React Flow 12 (checked on 12.12.1) mounts its selection listener whenever its store
// holds a list of selection handlers, and the store always holds one, empty (`!![]` is
// true): the listener then walks every card and every arrow on each change of the
// store to collect the selected ones (while a 1,000-stage map opens, dozens of changes
// over 1,000 cards and 1,500 arrows; one on every frame of a drag). The map follows
// selection through onNodesChange and onEdgesChange (MapCanvas followSelection), never
// through those handlers, so the empty list is taken away before React Flow first
// draws and the listener never mounts. (useOnSelectionChange would need the list back:
// a list with handlers in it is left alone.)
import { useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useLayoutEffect } from 'react';

const quiet = (s: ReactFlowState) => s.onSelectionChangeHandlers === undefined || s.onSelectionChangeHandlers.length > 0;

/**
 * False until the store has no empty handler list: render React Flow only then. The
 * list goes in a layout effect, so React Flow still mounts before the first paint. (Its
 * store is reset to an empty list when React Flow unmounts: the next mount waits again.)
 */
export function useWithoutSelectionListener(): boolean {
  const store = useStoreApi();
  const ready = useStore(quiet);
  useLayoutEffect(() => {
    if (!ready) store.setState({ onSelectionChangeHandlers: undefined as never });
  }, [ready, store]);
  return ready;
}
