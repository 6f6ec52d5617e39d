import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/**
 * The runtime a consumer ships: `src/` bundled with everything it imports (openapi-fetch and the generated
 * constraints table), minified by esbuild, then gzipped. Also lists the packages that went in, to prove there is no
 * runtime dependency besides openapi-fetch.
 */
export async function bundleSize(): Promise<{ minified: number; gzipped: number; packages: string[] }> {
  const result = await build({
    entryPoints: ["src/index.ts"],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const packages = new Set<string>();
  for (const input of Object.keys(result.metafile.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    if (match?.[1]) packages.add(match[1]);
  }
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, packages: [...packages].sort() };
}
