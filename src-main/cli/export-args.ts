// Reads `npm run export` arguments into a request, or a message saying what to fix.
import { EXPORT_FORMATS, type ExportFormat } from '../../src-shared/api/contract';

export type CliFormat = ExportFormat | 'json';

export interface ExportRequest {
  workshop: string;
  formats: CliFormat[];
  out: string;
  version: string | null;
  paper: 'A4' | 'Letter';
  dataDir: string | null;
}

export const USAGE = `Usage: npm run export -- --workshop <id or title> --format pdf,xlsx --out <folder>
  [--version <map version name>] [--paper A4|Letter] [--data-dir <folder>]
Formats: ${[...EXPORT_FORMATS, 'json'].join(', ')} (or "all").`;

export function parseExportArgs(argv: readonly string[]): { ok: true; request: ExportRequest } | { ok: false; message: string } {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) return { ok: false, message: `Unexpected "${arg}".\n${USAGE}` };
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) return { ok: false, message: `--${key} needs a value.\n${USAGE}` };
    values.set(key, value);
  }
  const known = new Set(['workshop', 'format', 'out', 'version', 'paper', 'data-dir']);
  const unknown = [...values.keys()].find((k) => !known.has(k));
  if (unknown) return { ok: false, message: `Unknown option --${unknown}.\n${USAGE}` };
  const workshop = values.get('workshop');
  const out = values.get('out');
  const formatText = values.get('format');
  if (!workshop || !out || !formatText) return { ok: false, message: `--workshop, --format and --out are required.\n${USAGE}` };
  const all: CliFormat[] = [...EXPORT_FORMATS, 'json'];
  const formats = formatText === 'all' ? all : formatText.split(',').map((f) => f.trim().toLowerCase());
  const bad = formats.filter((f) => !(all as string[]).includes(f));
  if (bad.length > 0) return { ok: false, message: `Unknown format ${bad.map((f) => `"${f}"`).join(', ')}.\n${USAGE}` };
  const paper = values.get('paper') ?? 'A4';
  if (paper !== 'A4' && paper !== 'Letter') return { ok: false, message: `--paper must be A4 or Letter, not "${paper}".` };
  return {
    ok: true,
    request: { workshop, formats: [...new Set(formats)] as CliFormat[], out, version: values.get('version') ?? null, paper, dataDir: values.get('data-dir') ?? null },
  };
}
