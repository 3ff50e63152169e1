import { indicatorAccess, needsDisclosureControl, type Principal } from '@lagebild/core';
import type { Store } from '@lagebild/store';
import {
  createAnalysisService,
  type AnalysisService,
  type AnalysisServiceOptions,
} from '../analysis.service.ts';
import { dataVersion } from '../data-version.ts';
import { PresetCatalogue } from '../presets/preset-catalogue.ts';
import { loadAccessRules, type AccessRules } from './access-rules.ts';
import { DisclosedValues } from './disclosed-values.ts';
import { protectedStore } from './protected-store.ts';

export type AnalysisHubOptions = Omit<AnalysisServiceOptions, 'presetCatalogue' | 'versions'> & {
  /** Principals' views kept at once (default 16): views of the same kind share one. */
  views?: number;
};

/**
 * The analysis engine per principal. Principals who may see the same things (same roles, organisation,
 * topics and areas) share one view of the store and one result cache, so the public's results are
 * computed once for all anonymous visitors. A view belongs to one data version and one revision of
 * the access rules; an import, an undo or a changed rule makes the next request build a new one.
 */
export class AnalysisHub {
  /** Everything, uncontrolled: for the statistics office, the CLI and internal jobs. */
  readonly unrestricted: AnalysisService;
  readonly #store: Store;
  readonly #options: AnalysisHubOptions;
  readonly #presets: PresetCatalogue;
  readonly #disclosed: DisclosedValues;
  readonly #views = new Map<string, AnalysisService>();
  #rules: Promise<AccessRules> | null = null;

  constructor(options: AnalysisHubOptions) {
    this.#store = options.store;
    this.#options = options;
    this.#presets = PresetCatalogue.load(options.presetDirs);
    this.#disclosed = new DisclosedValues(options.store);
    this.unrestricted = createAnalysisService({ ...options, presetCatalogue: this.#presets });
  }

  /** The analysis service as the principal may see the data. */
  async for(principal: Principal): Promise<AnalysisService> {
    if (seesEverything(principal)) return this.unrestricted;
    const [data, rules] = await Promise.all([dataVersion(this.#store), this.#currentRules()]);
    const version = `${data}|r${rules.revision}`;
    const versions = { data, cache: version };
    const key = `${viewKey(principal)}|${version}`;
    let service = this.#views.get(key);
    if (service) {
      this.#views.delete(key);
    } else {
      const view = protectedStore(this.#store, {
        principal,
        rules,
        disclosed: this.#disclosed,
        version: async () => version,
      });
      service = createAnalysisService({
        ...this.#options,
        store: view,
        presetCatalogue: this.#presets,
        versions: async () => versions,
      });
    }
    this.#views.set(key, service);
    while (this.#views.size > (this.#options.views ?? 16))
      this.#views.delete(this.#views.keys().next().value!);
    return service;
  }

  async #currentRules(): Promise<AccessRules> {
    const revision = await this.#store.access.revision();
    const loaded = this.#rules ? await this.#rules : null;
    if (loaded?.revision === revision) return loaded;
    this.#rules = loadAccessRules(this.#store, revision);
    this.#rules.catch(() => (this.#rules = null));
    return this.#rules;
  }
}

/**
 * The statistics office: exempt from disclosure control (it works inside the shielded area) and
 * reading confidential data of every organisation; it reads the store as it is.
 */
function seesEverything(principal: Principal): boolean {
  return (
    !needsDisclosureControl(principal) &&
    indicatorAccess(principal, { confidentiality: 'confidential', topic: '' }).kind === 'all'
  );
}

/** What decides a principal's view; the user id does not, so users alike share one. */
function viewKey(principal: Principal): string {
  return JSON.stringify([
    [...principal.roles].sort(),
    principal.organisationId,
    [...principal.topics].sort(),
    principal.areas.map((a) => `${a.levelId}:${a.key}`).sort(),
  ]);
}
