// Export timings for a large workshop: filled in once the export writers exist.
import type { Backend } from '../src-main/backend';
import type { MapDocument } from '../src-shared/domain/map-document';

export async function benchExports(_backend: Backend, _doc: MapDocument): Promise<Record<string, number> | string> {
  return 'not measured yet';
}
