// Starts the real portal: indexes sample corpora from data/ with
// portal-indexer into a fresh temporary directory, then runs portal-searchd
// on a free loopback port serving the source tree's search page.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The corpora the browser tests search: Ukrainian/English addresses with
// translations and topics (2022), and Russian Wikinews spread over years.
const CORPORA = ['zelensky-addresses', 'wikinews-ru-nerel'];

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (the ctest entry passes it)`);
  return value;
}

export async function startPortal() {
  const indexer = required('PORTAL_INDEXER_BIN');
  const searchd = required('PORTAL_SEARCHD_BIN');
  const source = required('PORTAL_SOURCE_DIR');
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-e2e-'));
  const db = path.join(dir, 'db');
  const files = CORPORA.map((c) => path.join(source, 'data', c, 'docs.jsonl'));
  const indexed = spawnSync(indexer, ['index', '--db', db, ...files], { encoding: 'utf8' });
  if (indexed.status !== 0) throw new Error(`portal-indexer failed: ${indexed.stderr}`);

  const child = spawn(searchd, ['--db', db, '--listen', '127.0.0.1:0', '--web', path.join(source, 'searchd/web')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`portal-searchd did not start: ${stderr}`)), 30000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`portal-searchd exited (${code}): ${stderr}`));
    });
  });
  return {
    url,
    async stop() {
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
