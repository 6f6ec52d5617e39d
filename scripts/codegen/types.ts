import openapiTS, { astToString } from "openapi-typescript";
import { BANNER } from "./banner.js";

/** Renders the spec's TypeScript types (`paths`, `components`, `operations`) with openapi-typescript's defaults. */
export async function renderTypes(specUrl: URL): Promise<string> {
  const ast = await openapiTS(specUrl);
  return `${BANNER}\n${astToString(ast)}`;
}
