import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../lib/format.ts';
import type { Session } from '../lib/session.ts';

const TEXT = {
  de: { or: 'oder' },
  en: { or: 'or' },
} as const;

interface SsoInfo {
  enabled: boolean;
  label: string | null;
  labelEn: string | null;
  loginUrl: string | null;
}

/**
 * The single sign-on link under the password form, shown only when the server has an identity
 * provider set up (`GET /auth/oidc`). A plain link, not a request: the browser itself must go to the
 * provider and come back to this page (`returnTo`).
 */
export function SsoSignInLink({ session, lang }: { session: Session; lang: Lang }) {
  const info = useSsoInfo(session);
  if (!info?.enabled || !info.loginUrl) return null;
  const here = `${location.pathname}${location.search}${location.hash}`;
  const href = `${info.loginUrl}?returnTo=${encodeURIComponent(here)}`;
  const label = lang === 'de' ? info.label : (info.labelEn ?? info.label);
  return (
    <p class="sign-in-sso">
      <span class="sign-in-sso-or">{TEXT[lang].or}</span>{' '}
      <a class="sign-in-sso-link" href={href}>
        {label}
      </a>
    </p>
  );
}

function useSsoInfo(session: Session): SsoInfo | null {
  const [info, setInfo] = useState<SsoInfo | null>(null);
  useEffect(() => {
    let live = true;
    session
      .request<SsoInfo>('GET', '/auth/oidc')
      .then((answer) => {
        if (live) setInfo(answer);
      })
      // Without an answer the form offers the password only, as without single sign-on.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [session]);
  return info;
}
