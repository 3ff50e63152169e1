import { useState } from 'preact/hooks';
import { fieldErrors } from './admin-api.ts';

/**
 * Runs one change at a time for a form: remembers the server's complaints per field, or the message
 * of success, so the section shows either next to the form.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);

  async function run(action: () => Promise<string>): Promise<boolean> {
    setBusy(true);
    setErrors({});
    setDone(null);
    try {
      setDone(await action());
      return true;
    } catch (caught) {
      setErrors(fieldErrors(caught));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, errors, done, run, clear: () => (setErrors({}), setDone(null)) };
}
