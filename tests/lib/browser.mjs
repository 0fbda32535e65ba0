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

// Opens a Bootstrap collapse by clicking its toggle and waits until it has finished opening. A click
// on a button inside a collapse that is still animating can be lost (seen on a loaded machine: the
// submit button was clicked and no request left), so tests click inside only once it is `.show`.
export async function expand(page, toggle) {
  const button = page.locator(toggle);
  const target = await button.getAttribute('data-bs-target');
  if (!(await page.locator(`${target}.collapse.show`).count())) await button.click();
  await page.waitForSelector(`${target}.collapse.show`);
}
