// The workshop agenda: items with a time box and the audience view each shows, and the
// built-in kaizen-event agenda a new workshop starts from.
import { z } from 'zod';
import { IdSchema } from '../map-document';
import { AudienceViewSchema, type AudienceView } from './audience-view';

export const AgendaItemSchema = z.strictObject({
  id: IdSchema,
  title: z.string().trim().min(1, 'Give the agenda item a title').max(200),
  minutes: z.number().int().min(1).max(8 * 60),
  view: AudienceViewSchema,
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

const STANDARD: [string, number, AudienceView][] = [
  ['Outcomes and scope', 20, { kind: 'blank' }],
  ['Map the buying journey', 60, { kind: 'map' }],
  ['Customer actions and commitments', 45, { kind: 'map' }],
  ['Put numbers on the journey', 30, { kind: 'figures' }],
  ['Find the bottleneck', 20, { kind: 'figures' }],
  ['Ideas and votes', 40, { kind: 'vote', roundId: null }],
  ['Top two and owners', 20, { kind: 'decisions' }],
  ['Agree the process', 15, { kind: 'map' }],
];

/** The built-in kaizen-event agenda; `newId` supplies ids (the caller's id scheme). */
export function standardAgenda(newId: () => string): AgendaItem[] {
  return STANDARD.map(([title, minutes, view]) => ({ id: newId(), title, minutes, view }));
}

export function agendaMinutes(items: readonly AgendaItem[]): number {
  return items.reduce((s, x) => s + x.minutes, 0);
}

/** Start times of each item from the workshop's start (minutes since midnight), for the console. */
export function schedule(items: readonly AgendaItem[], startMinute: number): { id: string; startMinute: number; endMinute: number }[] {
  let at = startMinute;
  return items.map((x) => {
    const row = { id: x.id, startMinute: at, endMinute: at + x.minutes };
    at += x.minutes;
    return row;
  });
}
