/**
 * Renders the spec into a static HTML reference for reviewers:
 *
 *   npm run docs                   # writes docs/reference/index.html and docs/reference/stand-in-control.html
 *   npm run docs -- --screenshot   # and refreshes docs/reference.png, the picture in CONTRIBUTING.md
 */
import { relative } from "node:path";
import { launchChromium } from "./browser/chromium.js";
import { buildControlDocs, buildDocs } from "./docs/buildDocs.js";
import { openOperation } from "./docs/referencePage.js";

const SCREENSHOT = "docs/reference.png";

const [html, control] = await Promise.all([buildDocs(), buildControlDocs()]);
for (const page of [html, control]) {
  console.log(`wrote ${relative(process.cwd(), page)} (open it in a browser; it needs no network)`);
}

if (process.argv.includes("--screenshot")) {
  const browser = await launchChromium();
  try {
    const page = await openOperation(browser, html, "Multi-entity", "createEntity");
    await page.locator('[id="multi-entity/createentity/request/body"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: SCREENSHOT });
    console.log(`wrote ${SCREENSHOT} (in Chromium ${browser.version()})`);
  } finally {
    await browser.close();
  }
}
