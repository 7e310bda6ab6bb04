// Reading `npm run export` arguments, and saying what to fix.
import { describe, expect, it } from 'vitest';
import { parseExportArgs } from '../../src-main/cli/export-args';

describe('the command-line export arguments', () => {
  it('reads workshop, formats, folder and options', () => {
    const parsed = parseExportArgs(['--workshop', 'Acme renewal', '--format', 'pdf,XLSX', '--out', 'out dir', '--paper=Letter', '--version', 'Future state']);
    expect(parsed).toEqual({
      ok: true,
      request: { workshop: 'Acme renewal', formats: ['pdf', 'xlsx'], out: 'out dir', version: 'Future state', paper: 'Letter', dataDir: null },
    });
  });

  it('expands "all" to every format, the workshop file included', () => {
    const parsed = parseExportArgs(['--workshop', 'x', '--format', 'all', '--out', 'o']);
    expect(parsed.ok && parsed.request.formats).toEqual(['pdf', 'html', 'md', 'xlsx', 'csv', 'png', 'svg', 'json']);
  });

  it('refuses missing options, unknown formats and options, and bad paper, with the usage', () => {
    const message = (argv: string[]) => {
      const r = parseExportArgs(argv);
      return r.ok ? '' : r.message;
    };
    expect(message(['--workshop', 'x', '--out', 'o'])).toContain('--workshop, --format and --out are required');
    expect(message(['--workshop', 'x', '--format', 'pdf,docx', '--out', 'o'])).toContain('Unknown format "docx"');
    expect(message(['--workshop', 'x', '--format', 'pdf', '--out', 'o', '--colour', 'red'])).toContain('Unknown option --colour');
    expect(message(['--workshop', 'x', '--format', 'pdf', '--out', 'o', '--paper', 'A3'])).toContain('--paper must be A4 or Letter');
    expect(message(['--workshop'])).toContain('--workshop needs a value');
    expect(message(['stray'])).toContain('Unexpected "stray"');
  });
});
