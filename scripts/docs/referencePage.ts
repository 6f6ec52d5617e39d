import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { BROWSER_WAIT_MS } from "../browser/chromium.js";

/**
 * Opens the rendered reference at one operation. Redoc routes by hash (`#/<tag>/<operationid>`, lower-cased) and
 * gives every parameter and body field an element id under that route, which is what the checks look up. Script
 * errors of the page are pushed to `problems`.
 */
export async function openOperation(
  browser: Browser,
  htmlFile: string,
  tag: string,
  operationId: string,
  problems: string[] = [],
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(BROWSER_WAIT_MS);
  page.on("pageerror", (error) => problems.push(error.message));
  const route = `${tag}/${operationId}`.toLowerCase();
  await page.goto(`${pathToFileURL(htmlFile).href}#/${route}`);
  await page.waitForSelector(`[id="${route}"]`, { state: "attached" });
  return page;
}

/** The element id Redoc gives a request field (`in: "body"`) or a request header of an operation. */
export function requestItemId(tag: string, operationId: string, name: string, location: "body" | "header"): string {
  const where = location === "header" ? "&in=headers" : "";
  return `${tag}/${operationId}/t=request${where}&path=${name}`.toLowerCase();
}
