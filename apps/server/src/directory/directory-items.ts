import type { CategoryLookup, DirectoryEntry } from '@lagebild/core';

/** An entry as the API shows it: the service with its category names, facility, provider and source. */
export function toDirectoryItem(
  entry: DirectoryEntry,
  categories: CategoryLookup,
  distanceKm?: number | null,
) {
  const { service, facility, provider, source } = entry;
  const category = categories.get(service.categoryId);
  return {
    id: service.id,
    name: service.name,
    category: { id: service.categoryId, name: category?.name ?? null, nameEn: category?.nameEn ?? null },
    targetGroups: service.targetGroups,
    lifePhases: service.lifePhases,
    languages: service.languages,
    capacity: service.capacity,
    freePlaces: service.freePlaces,
    freePlacesDate: service.freePlacesDate,
    costs: service.costs,
    openingHours: service.openingHours,
    contact: service.contact,
    website: service.website,
    description: service.description,
    validFrom: service.validFrom,
    validTo: service.validTo,
    lastVerified: service.lastVerified,
    status: service.status,
    createdAt: service.createdAt,
    updatedAt: service.updatedAt,
    attributes: service.attributes,
    facility: facility && {
      id: facility.id,
      name: facility.name,
      address: facility.address,
      location: facility.location,
      accessibility: facility.accessibility,
    },
    provider: provider && {
      id: provider.id,
      name: provider.name,
      kind: provider.kind,
      umbrella: provider.umbrella,
      website: provider.website,
    },
    source: {
      id: service.source,
      name: source?.name ?? null,
      attribution: source?.attribution ?? null,
      url: source?.url ?? null,
    },
    ...(distanceKm === undefined || distanceKm === null
      ? {}
      : { distanceKm: Math.round(distanceKm * 1000) / 1000 }),
  };
}

export type DirectoryItem = ReturnType<typeof toDirectoryItem>;
