import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDate } from '@borough-command/domain';
import { renderReport } from '../../src/report/index.js';
import { findChromium } from '../support/chromium.js';
import { demoCommands, hostileNames, hostileStory, viewsOf } from './support/histories.js';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const VIEWPORT = { width: 1280, height: 900 };

/** What went wrong while a page was open. */
interface Trouble {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly failedRequests: string[];
  /** Requests for anything but the report file itself. */
  readonly otherRequests: string[];
  readonly dialogs: string[];
}

let browser: Browser | undefined;
/** Why there is no browser, when there is none: every test fails with it rather than being skipped. */
let noBrowser = 'the browser was not started';
let directory = '';
let demoFile = '';
let hostileFile = '';
let demoPostings = 0;
let hostilePostings = 0;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'borough-report-'));
  const demo = await viewsOf(demoCommands());
  demoPostings = demo.tenure.units().reduce((sum, unit) => sum + demo.tenure.tenureOf(unit).postings.length, 0);
  demoFile = join(directory, 'demo.html');
  writeFileSync(demoFile, renderReport(demo, { asAt: isoDate('2019-12-31'), notes: ['Officers, candidates and partners are synthetic.'] }));
  const hostile = await viewsOf(hostileStory());
  hostilePostings = hostile.tenure.units().reduce((sum, unit) => sum + hostile.tenure.tenureOf(unit).postings.length, 0);
  hostileFile = join(directory, 'hostile.html');
  writeFileSync(hostileFile, renderReport(hostile, { asAt: isoDate('2013-01-01'), notes: ['<script>alert("note")</script>'] }));
  const found = await findChromium();
  if ('problem' in found) {
    noBrowser = found.problem;
    return;
  }
  try {
    browser = await chromium.launch({ executablePath: found.executable, args: CHROMIUM_ARGS });
  } catch (error) {
    noBrowser = `Chromium at ${found.executable} (from ${found.from}) did not start: ${error instanceof Error ? error.message : String(error)}. Set BOROUGH_COMMAND_CHROMIUM to a Chromium that starts on this machine.`;
  }
});

afterAll(async () => {
  await browser?.close();
  if (directory !== '') rmSync(directory, { recursive: true, force: true });
});

const open = async (file: string, javaScriptEnabled: boolean): Promise<{ readonly page: Page; readonly trouble: Trouble; readonly close: () => Promise<void> }> => {
  if (browser === undefined) throw new Error(noBrowser);
  const context = await browser.newContext({ javaScriptEnabled, viewport: VIEWPORT });
  const page = await context.newPage();
  const address = pathToFileURL(file).href;
  const trouble: Trouble = { consoleErrors: [], pageErrors: [], failedRequests: [], otherRequests: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') trouble.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => {
    trouble.pageErrors.push(error.message);
  });
  page.on('requestfailed', (request) => {
    trouble.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.on('request', (request) => {
    if (request.url() !== address) trouble.otherRequests.push(request.url());
  });
  page.on('dialog', (dialog) => {
    trouble.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto(address, { waitUntil: 'load' });
  expect(response?.ok() ?? true).toBe(true);
  return { page, trouble, close: () => context.close() };
};

const noTrouble: Trouble = { consoleErrors: [], pageErrors: [], failedRequests: [], otherRequests: [], dialogs: [] };

/** How many posting bars the browser drew with a width and a height. */
const drawnBars = (page: Page): Promise<number> =>
  page.evaluate<number>(
    "[...document.querySelectorAll('rect.posting-bar')].filter((bar) => { const box = bar.getBoundingClientRect(); return box.width > 0 && box.height > 0; }).length",
  );

const pngSize = (png: Buffer): { readonly width: number; readonly height: number } => {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
};

describe('the report in headless Chromium', () => {
  it('TE-1 opens the demo report with no console error, no failed request, no request but the page, and draws one bar per posting', async () => {
    const { page, trouble, close } = await open(demoFile, true);
    try {
      expect(demoPostings).toBeGreaterThan(100);
      expect(await page.locator('rect.posting-bar').count()).toBe(demoPostings);
      expect(await drawnBars(page)).toBe(demoPostings);
      expect(await page.locator('svg.tenure-chart').count()).toBeGreaterThan(32);
      expect(await page.locator('#accountability tbody tr').count()).toBe(32);
      expect(trouble).toEqual(noTrouble);
    } finally {
      await close();
    }
  });

  it('shows the officer named <script>alert(1)</script> as text: no script element, no dialog, no image, the name in the page’s text', async () => {
    const { page, trouble, close } = await open(hostileFile, true);
    try {
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('rect.posting-bar').count()).toBe(hostilePostings);
      expect(await drawnBars(page)).toBe(hostilePostings);
      const bodyText = (await page.locator('body').textContent()) ?? '';
      expect(bodyText).toContain(hostileNames.officer);
      expect(bodyText).toContain(hostileNames.partner);
      expect(bodyText).toContain('<script>alert("note")</script>');
      expect(await page.locator('rect.posting-bar[data-posting-id="camden-2012"] > title').textContent()).toContain(`1. ${hostileNames.officer}, chief superintendent`);
      expect(await page.locator('rect.posting-bar').nth(2).getAttribute('data-posting-id')).toBe(hostileNames.postingId);
      expect(await page.locator('#accountability').textContent()).toContain(`${hostileNames.partner} (local authority leader)`);
      expect(trouble).toEqual(noTrouble);
    } finally {
      await close();
    }
  });

  it('renders fully with JavaScript disabled, and a screenshot of the whole page can be taken', async () => {
    const { page, trouble, close } = await open(demoFile, false);
    try {
      expect(await drawnBars(page)).toBe(demoPostings);
      const screenshot = await page.screenshot({ fullPage: true, path: join(directory, 'demo.png') });
      const size = pngSize(screenshot);
      expect(size.width).toBe(VIEWPORT.width);
      expect(size.height).toBeGreaterThan(VIEWPORT.height * 5);
      expect(existsSync(join(directory, 'demo.png'))).toBe(true);
      expect(trouble).toEqual(noTrouble);
    } finally {
      await close();
    }
  });

  it('prints to A4 landscape pages', async () => {
    const { page, trouble, close } = await open(hostileFile, true);
    try {
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // A4 landscape is 297 by 210 mm: about 842 by 595 points.
      const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((box) => [Number(box[1]), Number(box[2])]);
      expect(boxes.length).toBeGreaterThan(1);
      for (const [width, height] of boxes) {
        expect(Math.abs((width ?? 0) - 841.9)).toBeLessThan(1);
        expect(Math.abs((height ?? 0) - 595.3)).toBeLessThan(1);
      }
      expect(trouble).toEqual(noTrouble);
    } finally {
      await close();
    }
  });
});
