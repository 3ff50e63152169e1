import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { openStore } from '@lagebild/store';
import { directoryBatch, kitaDelivery } from '../../../packages/store/test/directory-fixtures.ts';
import { cliSandbox } from './cli-runner.ts';

const bin = fileURLToPath(new URL('../bin/lagebild.js', import.meta.url));
const sandbox = cliSandbox('lagebild-cli-remind-');

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A real SMTP server on a free local port that keeps every mail it receives. */
async function startSmtp(): Promise<{ url: string; mails: Received[]; close: () => Promise<void> }> {
  const mails: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((r) => server.close(() => r())) };
}

/** The real binary, run asynchronously so the SMTP server in this process can answer it. */
async function remind(env: Record<string, string>, ...args: string[]) {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [bin, '--database', sandbox.database, 'directory', 'remind', ...args],
    { cwd: sandbox.dir, env: { ...process.env, ...env }, encoding: 'utf8' },
  );
  return { stdout, stderr };
}

describe('lagebild directory remind', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    const store = await openStore(sandbox.database);
    await store.migrate();
    // s1 was verified 2024-02-15, s3 never: both due; s2 belongs to p1 too.
    await store.applyBatch(directoryBatch(kitaDelivery()));
    await store.accounts.createOrganisation({ id: 'diakonie', name: 'Diakonie Süd', kind: 'provider' });
    await store.accounts.createOrganisation({ id: 'other', name: 'Andere', kind: 'provider' });
    await store.accounts.createUser({
      login: 'redaktion@diakonie.example',
      displayName: 'Frau Redaktion',
      passwordHash: 'x',
      roles: ['provider_editor'],
      organisationId: 'diakonie',
    });
    await store.accounts.createUser({
      login: 'ohne-adresse',
      passwordHash: 'x',
      roles: ['provider_editor'],
      organisationId: 'diakonie',
    });
    await store.directoryEditorial.linkProvider('p1', 'diakonie');
    await store.directoryEditorial.linkProvider('p2', 'other');
    await store.close();
  });
  afterAll(async () => {
    await smtp?.close();
    sandbox.remove();
  });

  it('dry run prints the mail and sends nothing', async () => {
    const { stdout } = await remind({ LAGEBILD_SMTP_URL: smtp.url }, '--dry-run');
    expect(stdout).toContain('To: redaktion@diakonie.example');
    expect(stdout).toContain('1 reminder(s) would be sent.');
    expect(smtp.mails).toHaveLength(0);
  });

  it('sends one mail per editor over SMTP, and not again within the interval', async () => {
    const { stdout, stderr } = await remind({
      LAGEBILD_SMTP_URL: smtp.url,
      LAGEBILD_MAIL_FROM: 'wegweiser@kreis.example',
    });
    expect(stdout).toContain('1 reminder(s) sent.');
    expect(stderr).toContain('ohne-adresse');
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail!.from).toBe('wegweiser@kreis.example');
    expect(mail!.to).toEqual(['redaktion@diakonie.example']);
    // The due entries of Träger p1 (s1 via its facility, s2 and s3 named directly), quoted-printable aside.
    const body = mail!.data.replace(/=\r?\n/g, '');
    for (const id of ['(s1)', '(s2)', '(s3)']) expect(body).toContain(id);

    const again = await remind({ LAGEBILD_SMTP_URL: smtp.url });
    expect(again.stdout).toContain('0 reminder(s) sent.');
    expect(smtp.mails).toHaveLength(1);
  });
});
