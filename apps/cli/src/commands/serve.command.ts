import type { Command } from 'commander';
import type { Settings } from '@lagebild/server/settings';
import { commandSettings } from './common.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the HTTP server (API under /api/v1).')
    .option('-p, --port <port>', 'port [env LAGEBILD_PORT, default 8080]')
    .option('--host <host>', 'interface to listen on [env LAGEBILD_HOST, default 127.0.0.1]')
    .action(async (options: { port?: string; host?: string }, command: Command) => {
      const settings = commandSettings(command, { port: options.port, host: options.host });
      await serveUntilStopped(settings);
    });
}

export async function serveUntilStopped(settings: Settings): Promise<void> {
  // The server (Fastify and the routes) loads only for the commands that serve.
  const { startServer } = await import('@lagebild/server');
  const app = await startServer(settings);
  const local = settings.host === '0.0.0.0' || settings.host === '127.0.0.1';
  const address = `http://${local ? 'localhost' : settings.host}:${settings.port}`;
  process.stdout.write(
    `Lagebild is running at ${address} (API: ${address}/api/v1/openapi.json). Stop with Ctrl+C.\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => void app.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
