import { dirname, join } from "node:path";
import ts from "typescript";

/** What an editor shows when the pointer rests on a name. */
export interface Hover {
  /** The signature line, e.g. `(method) OperationHelpers<…>.getEntity(entityId: string, …): …`. */
  display: string;
  /** The doc comment's text, before its tags. */
  documentation: string;
  /** The doc comment's tags (`param`, `returns`, `throws`, `see`, `example`), each with its text. */
  tags: { name: string; text: string }[];
}

/** What an editor shows while the arguments of a call are typed. */
export interface SignatureHelp {
  /** The parameters of the first signature, each with its `@param` text. */
  parameters: { name: string; documentation: string }[];
}

/** A TypeScript language service over files held in memory, inside a project on disk, as an editor runs it. */
export interface Editor {
  /** The hover where `|` stands in `marker` (`"zuora.|getEntity("`), at its first occurrence in `file`. */
  hover(file: string, marker: string): Hover | undefined;
  /** The signature help where `|` stands in `marker` (`"zuora.getEntity(|"`), at its first occurrence in `file`. */
  signatureHelp(file: string, marker: string): SignatureHelp | undefined;
  /** The compiler's errors in `file`, one line each. */
  errors(file: string): string[];
  /** Replaces (or adds) a file held in memory, as typing in the editor does. */
  write(file: string, text: string): void;
}

/**
 * Opens files (by name, relative to `projectDir`) that live only in memory, in a project on disk whose
 * `tsconfig.json` gives the compiler options (its `paths` too), as an editor opens a file of the project.
 */
export function openEditor(projectDir: string, files: Record<string, string>): Editor {
  const configPath = join(projectDir, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath));
  const inMemory = new Map(Object.entries(files).map(([name, text]) => [join(projectDir, name), text]));
  const versions = new Map<string, number>();
  const read = (name: string) => inMemory.get(name) ?? ts.sys.readFile(name);
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => ({ ...options, noEmit: true }),
    getScriptFileNames: () => [...inMemory.keys()],
    getScriptVersion: (name) => String(versions.get(name) ?? 0),
    getScriptSnapshot: (name) => {
      const text = read(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => projectDir,
    getDefaultLibFileName: (settings) => ts.getDefaultLibFilePath(settings),
    fileExists: (name) => inMemory.has(name) || ts.sys.fileExists(name),
    readFile: read,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  const at = (file: string, marker: string) => {
    const path = join(projectDir, file);
    const [before = "", after = ""] = marker.split("|");
    const found = inMemory.get(path)?.indexOf(before + after) ?? -1;
    if (found === -1) throw new Error(`${before + after} is not in ${file}`);
    return { path, position: found + before.length };
  };
  return {
    hover(file, marker) {
      const { path, position } = at(file, marker);
      const info = service.getQuickInfoAtPosition(path, position);
      if (!info) return undefined;
      return {
        display: ts.displayPartsToString(info.displayParts),
        documentation: ts.displayPartsToString(info.documentation),
        tags: (info.tags ?? []).map((tag) => ({ name: tag.name, text: ts.displayPartsToString(tag.text) })),
      };
    },
    signatureHelp(file, marker) {
      const { path, position } = at(file, marker);
      const help = service.getSignatureHelpItems(path, position, undefined);
      const first = help?.items[0];
      if (!first) return undefined;
      return {
        parameters: first.parameters.map((parameter) => ({
          name: parameter.name,
          documentation: ts.displayPartsToString(parameter.documentation),
        })),
      };
    },
    write(file, text) {
      const path = join(projectDir, file);
      inMemory.set(path, text);
      versions.set(path, (versions.get(path) ?? 0) + 1);
    },
    errors(file) {
      const { path } = at(file, "");
      return [...service.getSyntacticDiagnostics(path), ...service.getSemanticDiagnostics(path)].map((diagnostic) => {
        const { line } = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0) ?? { line: 0 };
        return `${file}:${line + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`;
      });
    },
  };
}
