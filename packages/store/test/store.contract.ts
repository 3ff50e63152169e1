import { afterAll, afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../src/store.ts';
import { describeAccessRulesContract } from './contract/access-rules.contract.ts';
import { describeAccountsContract } from './contract/accounts.contract.ts';
import { describeAccountAdminContract } from './contract/account-admin.contract.ts';
import { describeAuditContract } from './contract/audit.contract.ts';
import { describeAreaContract } from './contract/areas.contract.ts';
import { describeBatchContract } from './contract/batches.contract.ts';
import { describeDirectoryContract } from './contract/directory.contract.ts';
import { describeDirectoryEditorialContract } from './contract/directory-editorial.contract.ts';
import { describeIdentitiesContract } from './contract/identities.contract.ts';
import { describeIndicatorContract } from './contract/indicators.contract.ts';
import { describeMigrationContract } from './contract/migrations.contract.ts';
import { describeObservationContract } from './contract/observations.contract.ts';
import { describeUndoContract } from './contract/undo.contract.ts';

/** The store under test, fresh and migrated for every test. */
export type CurrentStore = () => Store;

/**
 * The one contract every Store implementation passes. `open` must return a store on an empty
 * database (not yet migrated); `cleanup` runs once after all tests.
 */
export function describeStoreContract(
  engineName: string,
  open: () => Promise<Store>,
  cleanup?: () => Promise<void>,
): void {
  describe(`Store contract on ${engineName}`, () => {
    let store: Store | null = null;
    const current: CurrentStore = () => {
      if (!store) throw new Error('no store open');
      return store;
    };

    beforeEach(async () => {
      store = await open();
      await store.migrate();
    });
    afterEach(async () => {
      await store?.close();
      store = null;
    });
    if (cleanup) afterAll(cleanup);

    describeMigrationContract(current);
    describeAreaContract(current);
    describeIndicatorContract(current);
    describeObservationContract(current);
    describeBatchContract(current);
    describeUndoContract(current);
    describeDirectoryContract(current);
    describeDirectoryEditorialContract(current);
    describeAccountsContract(current);
    describeAccountAdminContract(current);
    describeAuditContract(current);
    describeAccessRulesContract(current);
    describeIdentitiesContract(current);
  });
}
