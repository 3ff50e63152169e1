import { newSecret } from '../secrets.ts';

/** What the callback needs to check the provider's answer: kept on the server, never in the browser. */
export interface PendingFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: number;
}

/** A sign-in at the provider must come back within this time. */
export const FLOW_MINUTES = 10;
/** At most this many sign-ins in progress; beyond it the oldest are dropped (a flood costs no memory). */
const MAX_FLOWS = 10_000;

/**
 * Sign-ins in progress, by a random flow id that only the browser's short-lived cookie carries. The
 * callback takes its flow out (one use only), so a replayed or foreign callback finds nothing. Held
 * in memory: a restart ends the sign-ins in progress, which then simply start again.
 */
export class PendingFlows {
  readonly #flows = new Map<string, PendingFlow>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  add(flow: Omit<PendingFlow, 'expiresAt'>): string {
    const now = this.#now();
    this.#sweep(now);
    while (this.#flows.size >= MAX_FLOWS) this.#flows.delete(this.#flows.keys().next().value!);
    const id = newSecret(32);
    this.#flows.set(id, { ...flow, expiresAt: now + FLOW_MINUTES * 60_000 });
    return id;
  }

  /** The flow of this id, removed; null when unknown, used or expired. */
  take(id: string | null): PendingFlow | null {
    if (!id) return null;
    const flow = this.#flows.get(id);
    this.#flows.delete(id);
    return flow && flow.expiresAt > this.#now() ? flow : null;
  }

  #sweep(now: number): void {
    // Insertion order is expiry order: stop at the first flow still running.
    for (const [id, flow] of this.#flows) {
      if (flow.expiresAt > now) break;
      this.#flows.delete(id);
    }
  }
}
