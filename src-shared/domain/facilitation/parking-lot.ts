// The parking lot: topics raised that are not for now. Each ends converted (into an
// improvement idea or a stage action), resolved or discarded, and can be reopened.
import { z } from 'zod';
import { IdSchema } from '../map-document';

export const PARKING_STATUSES = ['open', 'converted', 'resolved', 'discarded'] as const;
export type ParkingStatus = (typeof PARKING_STATUSES)[number];

export const ParkingItemSchema = z.strictObject({
  id: IdSchema,
  text: z.string().trim().min(1, 'Say what is parked').max(1000),
  /** The map object it is about, if any. */
  link: z.strictObject({ kind: z.enum(['stage', 'action', 'transition', 'improvement']), id: IdSchema }).nullable(),
  status: z.enum(PARKING_STATUSES),
  /** What it became, when converted. */
  convertedTo: z.strictObject({ kind: z.enum(['improvement', 'action']), id: IdSchema }).nullable(),
  createdAt: z.iso.datetime(),
});
export type ParkingItem = z.infer<typeof ParkingItemSchema>;

export function moveParkingItem(
  item: ParkingItem,
  to: ParkingStatus,
  convertedTo: ParkingItem['convertedTo'] = null,
): ParkingItem | { error: string } {
  if (to === item.status) return item;
  if (item.status !== 'open' && to !== 'open') return { error: 'Reopen the item first.' };
  if (to === 'converted' && convertedTo === null) return { error: 'Say what the item was converted into: an improvement idea or a stage action.' };
  return { ...item, status: to, convertedTo: to === 'converted' ? convertedTo : null };
}
