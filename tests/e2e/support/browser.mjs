// Debian's Chromium driven by playwright-core: headless, with a fresh profile
// and every background service that would reach the network turned off.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launchBrowser() {
  const profile = mkdtempSync(path.join(tmpdir(), 'portal-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
  });
  // A loaded machine can make Chromium slow; patience beats flakiness.
  context.setDefaultTimeout(60000);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
