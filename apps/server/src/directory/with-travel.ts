import type { GeoPoint, TravelEstimate } from '@lagebild/core';
import type { DirectoryItem } from './directory-items.ts';
import type { TravelTimes } from './travel-times.ts';

export type TravelledItem = DirectoryItem & { travel?: TravelEstimate[] };

/**
 * Adds `travel` (one estimate per routing profile) to the items with a location, in one round of
 * table requests for the page. Without a routing service the items stay as they are; when the service
 * fails, the answer keeps its straight-line distances and says why in `travelError`.
 */
export async function withTravel(
  travelTimes: TravelTimes | null,
  origin: GeoPoint | undefined,
  items: DirectoryItem[],
): Promise<{ items: TravelledItem[]; travelError?: string }> {
  if (!travelTimes || !origin) return { items };
  const located = items.flatMap((item, i) => (item.facility?.location ? [i] : []));
  if (located.length === 0) return { items };
  const answer = await travelTimes.from(
    origin,
    located.map((i) => items[i]!.facility!.location!),
  );
  if ('error' in answer) return { items, travelError: answer.error };
  const result: TravelledItem[] = [...items];
  located.forEach((i, j) => (result[i] = { ...items[i]!, travel: answer.travel[j]! }));
  return { items: result };
}
