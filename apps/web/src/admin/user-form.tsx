import { ROLES, type AdminUser, type Organisation } from './admin-api.ts';
import { FieldError, SelectField, TextField } from './admin-fields.tsx';
import { translateKey, type Translate } from './admin.i18n.ts';

/** A user as the forms edit it: lists as the comma-separated text people type. */
export interface UserDraft {
  login: string;
  displayName: string;
  password: string;
  roles: string[];
  organisationId: string;
  topics: string;
  areas: string;
}

export const EMPTY_USER: UserDraft = {
  login: '',
  displayName: '',
  password: '',
  roles: [],
  organisationId: '',
  topics: '',
  areas: '',
};

export function draftOf(user: AdminUser): UserDraft {
  return {
    login: user.login,
    displayName: user.displayName,
    password: '',
    roles: user.roles,
    organisationId: user.organisationId ?? '',
    topics: user.topics.join(', '),
    areas: user.areas.map((a) => `${a.levelId}:${a.key}`).join(', '),
  };
}

/** The body of create and update requests (the password only when creating). */
export function bodyOf(draft: UserDraft) {
  const list = (text: string) =>
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return {
    displayName: draft.displayName.trim() || undefined,
    roles: draft.roles,
    organisationId: draft.organisationId || null,
    topics: list(draft.topics),
    areas: list(draft.areas).map((pair) => {
      const at = pair.indexOf(':');
      return at < 0 ? { levelId: '', key: pair } : { levelId: pair.slice(0, at), key: pair.slice(at + 1) };
    }),
  };
}

interface Props {
  prefix: string;
  draft: UserDraft;
  onChange: (draft: UserDraft) => void;
  organisations: Organisation[];
  errors: Record<string, string>;
  t: Translate;
}

/** Roles, organisation, topics and areas: the fields creating and editing a user share. */
export function UserFields({ prefix, draft, onChange, organisations, errors, t }: Props) {
  const toggle = (role: string, on: boolean) =>
    onChange({ ...draft, roles: on ? [...draft.roles, role] : draft.roles.filter((r) => r !== role) });
  const orgOptions = [
    { value: '', label: t('common.none') },
    ...organisations.map((o) => ({ value: o.id, label: o.name })),
  ];
  const areaError = Object.entries(errors).find(([path]) => path.startsWith('areas'))?.[1];
  return (
    <>
      <TextField
        id={`${prefix}-display`}
        label={t('user.displayName')}
        value={draft.displayName}
        error={errors.displayName}
        onInput={(displayName) => onChange({ ...draft, displayName })}
      />
      <fieldset
        class="adm-roles"
        aria-invalid={errors.roles ? 'true' : undefined}
        aria-describedby={errors.roles ? `${prefix}-roles-error` : undefined}
      >
        <legend>{t('user.roles')}</legend>
        {ROLES.map((role) => (
          <label key={role}>
            <input
              type="checkbox"
              checked={draft.roles.includes(role)}
              onChange={(e) => toggle(role, (e.target as HTMLInputElement).checked)}
            />
            {translateKey(t, `role.${role}`, role)}
          </label>
        ))}
        <FieldError id={`${prefix}-roles-error`} message={errors.roles} />
      </fieldset>
      <SelectField
        id={`${prefix}-organisation`}
        label={t('user.organisation')}
        value={draft.organisationId}
        options={orgOptions}
        error={errors.organisationId}
        onChange={(organisationId) => onChange({ ...draft, organisationId })}
      />
      <TextField
        id={`${prefix}-topics`}
        label={t('user.topics')}
        value={draft.topics}
        error={errors.topics}
        onInput={(topics) => onChange({ ...draft, topics })}
      />
      <TextField
        id={`${prefix}-areas`}
        label={t('user.areas')}
        value={draft.areas}
        error={areaError}
        onInput={(areas) => onChange({ ...draft, areas })}
      />
    </>
  );
}
