// Starts a real sqm server on a free loopback port with a fresh demo database, and returns the
// teardown that stops it. The server binary is ../build/sqm unless SQM_BIN says otherwise.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_PASSWORD = 'Demo-pass-2026';

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(baseURL: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`sqm serve exited early with code ${server.exitCode}`);
    try {
      const response = await fetch(`${baseURL}/healthz`);
      if (response.status === 200) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`sqm serve did not become healthy within ${timeoutMs} ms: ${lastError}`);
}

interface SmtpSink {
  port: number;
  close(): Promise<void>;
}

/** The API suite's SMTP sink (tests/api/lib/smtp-sink.mjs), writing each mail into `dir`. */
async function startSmtpSink(dir: string): Promise<SmtpSink> {
  const module = pathToFileURL(join(WEB_DIR, '..', 'tests', 'api', 'lib', 'smtp-sink.mjs')).href;
  const { startSmtpSink: start } = (await import(module)) as { startSmtpSink(o: { dir: string }): Promise<SmtpSink> };
  return start({ dir });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const binary = resolve(process.env.SQM_BIN ?? join(WEB_DIR, '..', 'build', 'sqm'));
  const webRoot = join(WEB_DIR, 'dist');
  if (!existsSync(binary)) throw new Error(`sqm binary not found at ${binary} (build it or set SQM_BIN)`);
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error(`${webRoot}/index.html missing: run npm run build`);

  const workDir = mkdtempSync(join(tmpdir(), 'sqm-e2e-'));
  const db = join(workDir, 'e2e.db');
  // --db is a global option of the sqm command, so it goes before the subcommand.
  const run = (...args: string[]) => execFileSync(binary, ['--db', db, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  run('migrate');
  // The demo organisation with its customers, categories, calendars and SLA policies, but (by
  // default) without generated ticket history, so every test starts from the same desk.
  run('seed-demo', '--password', DEMO_PASSWORD, '--days', process.env.SQM_E2E_SEED_DAYS ?? '1', '--tickets-per-day', '1');

  // Survey mail goes to a local SMTP sink that writes each mail into SQM_E2E_MAIL_DIR for the specs.
  const mailDir = join(workDir, 'mail');
  mkdirSync(mailDir);
  const sink = await startSmtpSink(mailDir);
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const smtp = ['--smtp-host', '127.0.0.1', '--smtp-port', String(sink.port), '--smtp-from', 'surveys@sqm.test'];
  const server = spawn(
    binary,
    ['--db', db, 'serve', '--listen', `127.0.0.1:${port}`, '--web-root', webRoot, '--access-log', 'false', ...smtp,
      '--smtp-interval', '1', '--public-url', `${baseURL}/`],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    await sink.close();
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseURL, server, 20_000);
  } catch (error) {
    await stop();
    throw error;
  }
  process.env.SQM_E2E_BASE_URL = baseURL;
  process.env.SQM_E2E_MAIL_DIR = mailDir;
  return stop;
}
