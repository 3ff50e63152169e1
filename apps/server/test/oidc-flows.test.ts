import { describe, expect, it } from 'vitest';
import { FLOW_MINUTES, PendingFlows } from '../src/auth/oidc/pending-flows.ts';

const flow = (state: string) => ({ state, nonce: `n-${state}`, codeVerifier: `v-${state}`, returnTo: '/' });

describe('sign-ins in progress', () => {
  it('gives a flow back once, by its id only', () => {
    const flows = new PendingFlows(() => 0);
    const id = flows.add(flow('a'));
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(flows.take('someone-else')).toBeNull();
    expect(flows.take(null)).toBeNull();
    expect(flows.take(id)).toMatchObject({ state: 'a', nonce: 'n-a', codeVerifier: 'v-a' });
    expect(flows.take(id)).toBeNull();
  });

  it(`forgets a flow after ${FLOW_MINUTES} minutes`, () => {
    let now = 0;
    const flows = new PendingFlows(() => now);
    const late = flows.add(flow('late'));
    const early = flows.add(flow('early'));
    now = FLOW_MINUTES * 60_000 - 1;
    expect(flows.take(early)?.state).toBe('early');
    now = FLOW_MINUTES * 60_000;
    expect(flows.take(late)).toBeNull();
  });
});
