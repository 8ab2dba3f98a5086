import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describe } from 'vitest';

/** Debian's chromium (.ci/run installs it), or the one MLCI_CHROMIUM names. */
export const CHROMIUM = process.env.MLCI_CHROMIUM || '/usr/bin/chromium';

/**
 * Why this machine cannot run the browser checks, or undefined when it can. Only outside CI: in CI
 * (CI set, as .ci/run and GitHub's runners have it) a missing Chromium fails the checks, since a
 * skipped check there would hide that nobody looked.
 */
export const noBrowser: string | undefined =
  existsSync(CHROMIUM) || process.env.CI ? undefined : `skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; CI installs it and fails without it)`;

/** A suite of checks in a browser: skipped, with the reason in its name, only where `noBrowser` says so. */
export function describeInBrowser(name: string, body: () => void): void {
  if (noBrowser) {
    console.warn(`${name}: ${noBrowser}`);
    describe.skip(`${name} (${noBrowser})`, body);
  } else {
    describe(name, body);
  }
}

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium; .ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
