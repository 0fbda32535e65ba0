// Debian's Chromium through playwright-core (STACK.md), and the folder for screenshots.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const shots = new URL('../../test-results/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
