/**
 * Why a single sign-on ended without a session. Each reason has a status and a text in German and
 * English for the page the browser lands on; `{name}` placeholders are filled from `values`.
 */
export const REFUSALS = {
  SsoDisabled: {
    status: 404,
    de: 'Die Anmeldung über einen Identitätsanbieter ist in dieser Installation nicht eingerichtet.',
    en: 'Single sign-on is not set up in this installation.',
  },
  FlowUnknown: {
    status: 400,
    de: 'Dieser Anmeldevorgang ist nicht mehr gültig (abgelaufen, schon benutzt oder in einem anderen Browser begonnen). Bitte melden Sie sich erneut an.',
    en: 'This sign-in is no longer valid (expired, used already, or started in another browser). Please sign in again.',
  },
  StateMismatch: {
    status: 400,
    de: 'Die Antwort des Identitätsanbieters gehört nicht zu diesem Anmeldevorgang (state stimmt nicht). Bitte melden Sie sich erneut an.',
    en: 'The answer of the identity provider does not belong to this sign-in (state mismatch). Please sign in again.',
  },
  Denied: {
    status: 403,
    de: 'Die Anmeldung wurde beim Identitätsanbieter abgebrochen oder abgelehnt ({detail}).',
    en: 'The sign-in was cancelled or refused at the identity provider ({detail}).',
  },
  ProviderError: {
    status: 400,
    de: 'Der Identitätsanbieter hat die Anmeldung mit einem Fehler beendet: {detail}.',
    en: 'The identity provider ended the sign-in with an error: {detail}.',
  },
  ProviderUnreachable: {
    status: 502,
    de: 'Der Identitätsanbieter ist nicht erreichbar. Bitte versuchen Sie es später wieder.',
    en: 'The identity provider cannot be reached. Please try again later.',
  },
  ResponseInvalid: {
    status: 400,
    de: 'Die Antwort des Identitätsanbieters ist ungültig und wurde verworfen: {detail}.',
    en: 'The answer of the identity provider is invalid and was rejected: {detail}.',
  },
  NoLogin: {
    status: 403,
    de: 'Der Identitätsanbieter hat keinen Benutzernamen übermittelt (Claim „{claim}“ und „email“ fehlen).',
    en: 'The identity provider sent no user name (claims "{claim}" and "email" are missing).',
  },
  NoMappedRole: {
    status: 403,
    de: 'Ihr Konto hat keine Gruppe, der in Lagebild eine Rolle zugeordnet ist (Claim „{claim}“: {groups}). Bitte wenden Sie sich an die Lagebild-Administration.',
    en: 'Your account has no group that Lagebild maps to a role (claim "{claim}": {groups}). Please contact the Lagebild administrators.',
  },
  UnknownOrganisation: {
    status: 403,
    de: 'Die Organisation „{organisation}“ aus Ihrem Konto gibt es in Lagebild nicht. Bitte wenden Sie sich an die Lagebild-Administration.',
    en: 'The organisation "{organisation}" of your account does not exist in Lagebild. Please contact the Lagebild administrators.',
  },
  LoginTaken: {
    status: 409,
    de: 'Es gibt bereits ein lokales Lagebild-Konto „{login}“. Es wird nur verknüpft, wenn die Administration das erlaubt (LAGEBILD_OIDC_USERS=link).',
    en: 'A local Lagebild account "{login}" exists already. It is linked only when the administrators allow it (LAGEBILD_OIDC_USERS=link).',
  },
  IdentityChanged: {
    status: 409,
    de: 'Das Lagebild-Konto „{login}“ ist schon mit einem anderen Konto dieses Identitätsanbieters verknüpft. Bitte wenden Sie sich an die Lagebild-Administration.',
    en: 'The Lagebild account "{login}" is linked to another account of this identity provider already. Please contact the Lagebild administrators.',
  },
  NotProvisioned: {
    status: 403,
    de: 'Für „{login}“ gibt es kein Lagebild-Konto. Bitte lassen Sie es von der Lagebild-Administration anlegen.',
    en: 'There is no Lagebild account for "{login}". Please ask the Lagebild administrators to create one.',
  },
} as const;

export type RefusalReason = keyof typeof REFUSALS;

export class SignInRefused extends Error {
  readonly reason: RefusalReason;
  readonly values: Record<string, string>;

  constructor(reason: RefusalReason, values: Record<string, string> = {}, options?: { cause?: unknown }) {
    super(fill(REFUSALS[reason].en, values), options);
    this.name = 'SignInRefused';
    this.reason = reason;
    this.values = values;
  }

  get status(): number {
    return REFUSALS[this.reason].status;
  }

  text(lang: 'de' | 'en'): string {
    return fill(REFUSALS[this.reason][lang], this.values);
  }
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}
