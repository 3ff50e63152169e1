import { useMemo, useState } from 'preact/hooks';
import { createSession, RequestFailed } from '../lib/session.ts';
import { lang } from './portal-store.ts';

const TEXT = {
  de: {
    toggle: 'Angebot fehlt? Fehler gefunden? Melden Sie es uns.',
    intro:
      'Schreiben Sie uns, was fehlt oder was nicht stimmt. Die Redaktion prüft jede Meldung, bevor etwas im Wegweiser erscheint.',
    message: 'Was fehlt oder was stimmt nicht?',
    name: 'Ihr Name (freiwillig)',
    email: 'Ihre E-Mail-Adresse für Rückfragen (freiwillig)',
    trap: 'Bitte leer lassen',
    send: 'Meldung senden',
    sending: 'Wird gesendet …',
    thanks: 'Danke! Ihre Meldung ist angekommen. Die Redaktion prüft sie, bevor etwas veröffentlicht wird.',
    failed: 'Die Meldung konnte nicht gesendet werden: {message}',
  },
  en: {
    toggle: 'Service missing? Found a mistake? Tell us.',
    intro:
      'Tell us what is missing or wrong. The editors check every report before anything appears in the Wegweiser.',
    message: 'What is missing or wrong?',
    name: 'Your name (optional)',
    email: 'Your e-mail address for questions (optional)',
    trap: 'Please leave empty',
    send: 'Send report',
    sending: 'Sending …',
    thanks: 'Thank you! Your report has arrived. The editors will check it before anything is published.',
    failed: 'The report could not be sent: {message}',
  },
} as const;

/** The public report form: missing services and corrections, moderated before publication. */
export function ReportForm({ serviceId }: { serviceId: string | null }) {
  const t = TEXT[lang.value];
  const session = useMemo(() => createSession(), []);
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState({ message: '', name: '', email: '', homepage: '' });
  const [state, setState] = useState<{ busy?: boolean; done?: boolean; error?: string }>({});
  const set = (key: keyof typeof fields) => (e: Event) =>
    setFields({ ...fields, [key]: (e.target as HTMLInputElement).value });

  async function submit(event: Event) {
    event.preventDefault();
    setState({ busy: true });
    try {
      // A signed-in visitor's session needs its CSRF token; the anonymous public needs none.
      await session.refresh().catch(() => undefined);
      await session.request('POST', '/directory/reports', {
        serviceId,
        message: fields.message,
        name: fields.name || null,
        email: fields.email || null,
        ...(fields.homepage ? { homepage: fields.homepage } : {}),
      });
      setFields({ message: '', name: '', email: '', homepage: '' });
      setState({ done: true });
    } catch (caught) {
      const message =
        caught instanceof RequestFailed || caught instanceof Error ? caught.message : String(caught);
      setState({ error: t.failed.replace('{message}', message) });
    }
  }

  return (
    <section class="ww-report" aria-labelledby="ww-report-toggle">
      <h2 class="ww-report-heading">
        <button
          type="button"
          id="ww-report-toggle"
          aria-expanded={open}
          aria-controls="ww-report-form"
          onClick={() => setOpen(!open)}
        >
          {t.toggle}
        </button>
      </h2>
      <form id="ww-report-form" hidden={!open} onSubmit={(e) => void submit(e)}>
        <p>{t.intro}</p>
        <label for="ww-report-message">{t.message}</label>
        <textarea
          id="ww-report-message"
          required
          minLength={10}
          maxLength={4000}
          rows={4}
          value={fields.message}
          onInput={set('message')}
        />
        <label for="ww-report-name">{t.name}</label>
        <input
          id="ww-report-name"
          autocomplete="name"
          maxLength={200}
          value={fields.name}
          onInput={set('name')}
        />
        <label for="ww-report-email">{t.email}</label>
        <input
          id="ww-report-email"
          type="email"
          autocomplete="email"
          maxLength={200}
          value={fields.email}
          onInput={set('email')}
        />
        <div class="ww-report-trap" aria-hidden="true">
          <label for="ww-report-homepage">{t.trap}</label>
          <input
            id="ww-report-homepage"
            tabIndex={-1}
            autocomplete="off"
            value={fields.homepage}
            onInput={set('homepage')}
          />
        </div>
        <button type="submit" disabled={state.busy}>
          {state.busy ? t.sending : t.send}
        </button>
        <p role="status" class="ww-report-status">
          {state.done ? t.thanks : ''}
        </p>
        {state.error && <p role="alert">{state.error}</p>}
      </form>
    </section>
  );
}
