/**
 * Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe: commands on
 * its fd 3, replies and events on fd 4, each message JSON ending in a NUL byte). The briefing
 * needs a handful of commands; playwright-core, which sent them before, took about 0.4 s of
 * CPU on the build's main thread just to load, for a cold build that prints one page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

type Params = Record<string, unknown>;
type Handler = (params: Params, sessionId: string | undefined) => void;

/** How long one command may take before the print is given up (Chromium hung). */
const COMMAND_TIMEOUT_MS = 60_000;

export interface CdpBrowser {
  /** Send a command (to a page when sessionId is given) and wait for its result. */
  send<T = Params>(method: string, params?: Params, sessionId?: string): Promise<T>;
  /** Call `handler` on every event of that name. */
  on(event: string, handler: Handler): void;
  /** Close the browser and remove its profile folder. */
  close(): Promise<void>;
}

/**
 * Start Chromium with `args` and a fresh profile folder.
 * @example
 *   const b = await launchCdp('/usr/bin/chromium', ['--headless', '--no-sandbox']);
 *   const { targetId } = await b.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
 *   await b.close();
 */
export async function launchCdp(executable: string, args: readonly string[]): Promise<CdpBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'atlas-chromium-'));
  const child: ChildProcess = spawn(executable, [...args, '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  const toChrome = child.stdio[3] as Writable;
  const fromChrome = child.stdio[4] as Readable;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-2000); });
  const pending = new Map<number, { resolve(v: Params): void; reject(e: Error): void; timer: NodeJS.Timeout }>();
  const handlers = new Map<string, Handler[]>();
  let nextId = 1;
  let exited: Error | undefined;
  const fail = (e: Error) => {
    exited ??= e;
    for (const p of pending.values()) { clearTimeout(p.timer); p.reject(e); }
    pending.clear();
  };
  child.on('error', (e) => fail(e));
  child.on('exit', (code, signal) => fail(new Error(`Chromium exited (${signal ?? `code ${code}`})${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' / ')}` : ''}`)));
  toChrome.on('error', () => undefined); // a write after Chromium exited: the exit handler reports it

  let buffered: Buffer[] = [];
  fromChrome.on('data', (d: Buffer) => {
    let start = 0;
    for (let end = d.indexOf(0); end !== -1; start = end + 1, end = d.indexOf(0, start)) {
      buffered.push(d.subarray(start, end));
      const message = JSON.parse(Buffer.concat(buffered).toString('utf8')) as {
        id?: number; result?: Params; error?: { message: string }; method?: string; params?: Params; sessionId?: string;
      };
      buffered = [];
      if (message.id !== undefined) {
        const p = pending.get(message.id);
        if (!p) continue;
        pending.delete(message.id);
        clearTimeout(p.timer);
        if (message.error) p.reject(new Error(message.error.message));
        else p.resolve(message.result ?? {});
      } else if (message.method) {
        for (const h of handlers.get(message.method) ?? []) h(message.params ?? {}, message.sessionId);
      }
    }
    if (start < d.length) buffered.push(d.subarray(start));
  });

  const send = <T>(method: string, params: Params = {}, sessionId?: string) => new Promise<T>((resolve, reject) => {
    if (exited) { reject(exited); return; }
    const id = nextId++;
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error(`Chromium did not answer ${method} within ${COMMAND_TIMEOUT_MS / 1000} s`));
    }, COMMAND_TIMEOUT_MS);
    pending.set(id, { resolve: resolve as (v: Params) => void, reject, timer });
    toChrome.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
  });

  const browser: CdpBrowser = {
    send,
    on(event, handler) { handlers.set(event, [...(handlers.get(event) ?? []), handler]); },
    async close() {
      if (!exited) {
        const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        await send('Browser.close').catch(() => undefined);
        await Promise.race([gone, new Promise<void>((resolve) => setTimeout(resolve, 5000).unref())]);
        if (!exited) child.kill('SIGKILL');
      }
      // Chromium leaves hundreds of files in its profile: removed on libuv's pool (rmSync took
      // ~0.5 s of this thread); the process does not exit before the removal ends.
      void rm(profile, { recursive: true, force: true }).catch(() => undefined);
    },
  };
  // the first reply says the pipe works (Chromium started and speaks the protocol)
  try {
    await send('Browser.getVersion');
  } catch (e) {
    await browser.close();
    throw e;
  }
  return browser;
}
