// The facts on a report's cover, in order, as raw text: the HTML and Markdown
// writers differ only in how they escape and emphasise them.
import { formatTimestamp } from './format';
import type { ReportCover } from './report-model';

export type CoverFact =
  | { kind: 'text'; label: string; value: string }
  /** Agreed: `detail` reads "on <date> by <names>"; draft: no detail. */
  | { kind: 'status'; label: 'Status'; agreed: boolean; detail: string };

export function coverFacts(c: ReportCover): CoverFact[] {
  const facts: CoverFact[] = [];
  const add = (label: string, value: string, always = false) => {
    if (always || value.trim()) facts.push({ kind: 'text', label, value });
  };
  add('Organisation', c.organisation);
  add('Team', c.team);
  add('Workshop date', c.date);
  add('Facilitator', c.facilitator);
  add('Map version', c.versionName, true);
  facts.push({
    kind: 'status',
    label: 'Status',
    agreed: c.signOff !== null,
    detail: c.signOff
      ? `on ${formatTimestamp(c.signOff.agreedAt)}${c.signOff.agreedBy.length ? ` by ${c.signOff.agreedBy.join(', ')}` : ''}`
      : '',
  });
  for (const note of c.agreementNotes ?? []) add('Note', note);
  add('Objective', c.objective);
  add('Segment', c.scope.segment);
  add('Offering', c.scope.offering);
  add('Ideal customer', c.scope.idealCustomer);
  return facts;
}
