/**
 * How the web page copes with 10,000 calls: first rows, loading every page by scrolling, and how
 * long a change takes to reach the screen with all of them loaded. Prints figures; asserts nothing.
 *
 *   npm run bench:web -w e2e            (CALLS=20000 to try more)
 */
import globalSetup, { globalTeardown } from '@call-scheduler/testing/dist/jest-global-setup.js';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { launchChromium } from '../src/support/browser';
import { Stack } from '../src/support/stack';
import { percentile } from './percentiles';
import { storeCalls } from './stored-calls';

const CALLS = Number(process.env.CALLS ?? 10_000);
const LIVE_SAMPLES = 20;

async function main(): Promise<void> {
  await globalSetup();
  const stack = await Stack.start({ web: true });
  const browser = await launchChromium();
  const db = new Client({ connectionString: stack.databaseUrl });
  try {
    await db.connect();
    const seedMs = await timed(() => storeCalls(db, CALLS, ['scheduled']));
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();

    const firstRowsMs = await timed(async () => {
      // The first admin's link, as `npm start` prints it: it signs the browser in and opens the page.
      await page.goto(stack.firstSignInLink);
      await page.locator('.calls li').first().waitFor();
    });

    const loadAllMs = await timed(async () => {
      while ((await page.getByRole('button', { name: 'Load older calls' }).count()) > 0) {
        const height = await listHeight();
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await page.waitForFunction((before) => (document.querySelector('ul.calls') as HTMLElement).offsetHeight > before, height, { timeout: 60_000 });
      }
    });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction((count) => document.querySelector(`.calls li[aria-posinset="${count}"]`) !== null, CALLS);
    const shown = Number(await page.locator('.calls li').last().getAttribute('aria-posinset'));
    const rendered = await page.locator('.calls li').count();

    // Rows off screen are not in the page: change calls whose rows are.
    const onScreen = await page.locator('.calls li a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!.replace('#call=', '')));
    const latencies: number[] = [];
    for (const id of onScreen.slice(-LIVE_SAMPLES)) latencies.push(await liveLatency(page, db, id));

    const heapMb = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 2 ** 20;
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);

    console.log(`calls seeded                ${CALLS} in ${seedMs.toFixed(0)} ms`);
    console.log(`first rows on screen        ${firstRowsMs.toFixed(0)} ms`);
    console.log(`all pages loaded by scroll  ${loadAllMs.toFixed(0)} ms (${shown} calls, ${(loadAllMs / Math.ceil(shown / 50)).toFixed(0)} ms a page of 50; ${rendered} rows in the page)`);
    console.log(`change to screen, ${shown} rows loaded: median ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms (${latencies.length} changes)`);
    console.log(`JS heap ${heapMb.toFixed(1)} MB, DOM elements ${domNodes}`);

    async function listHeight(): Promise<number> {
      return page.evaluate(() => (document.querySelector('ul.calls') as HTMLElement).offsetHeight);
    }
  } finally {
    await db.end();
    await browser.close();
    await stack.stop();
    await globalTeardown();
  }
}

/** Moves one call on in the projection, as the worker would, and times until its row shows it. */
async function liveLatency(page: Page, db: Client, id: string): Promise<number> {
  const seen = page.evaluate(
    (href) =>
      new Promise<number>((resolve) => {
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        const observer = new MutationObserver(() => {
          const badge = document.querySelector(`a[href="${href}"]`)?.closest('li')?.querySelector('.badge');
          if (badge?.textContent === 'Dialing') {
            observer.disconnect();
            resolve(Date.now());
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
    `#call=${id}`,
  );
  await page.waitForTimeout(50);
  const writtenAt = Date.now();
  await db.query(`UPDATE calls SET status = 'dialing', attempt = 1, version = version + 1, updated_at = now() WHERE id = $1`, [id]);
  const shownAt = await seen;
  return shownAt - writtenAt;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
