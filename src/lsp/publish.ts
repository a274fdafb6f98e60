import type { Diagnostic as LspDiagnostic } from "vscode-languageserver";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { toLspDiagnostic } from "./diagnostics.js";
import type { Workspace } from "./workspace.js";

/**
 * Publishes the diagnostics of whole rulesets: a change to one file can add or remove problems in every
 * other file of its ruleset (a field renamed in the schema), so every file of the ruleset gets its list,
 * an empty one when its problems are gone. A list that did not change is not sent again.
 *
 * Changes are gathered and checked once per turn of the event loop: an editor sends a change per
 * keystroke, and a burst of them needs one check, of the last text.
 */
export class DiagnosticsPublisher {
  private readonly pending = new Set<string>();
  private scheduled = false;
  /** What was last sent per URI, by ruleset directory. */
  private readonly published = new Map<string, Map<string, string>>();

  constructor(
    private readonly workspace: Workspace,
    private readonly send: (uri: string, diagnostics: LspDiagnostic[]) => void,
    private readonly uriOf: (file: string) => string,
    private readonly onError: (error: unknown) => void = () => {},
    /** The publisher this one replaces (the layout changed): what it sent is what the editor shows. */
    previous?: DiagnosticsPublisher,
  ) {
    if (previous !== undefined) for (const [dir, sent] of previous.published) this.published.set(dir, sent);
  }

  /** The ruleset directories whose diagnostics the editor holds. */
  publishedDirs(): string[] {
    return [...this.published.keys()];
  }

  schedule(dir: string): void {
    this.pending.add(dir);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const dirs = [...this.pending];
      this.pending.clear();
      const left = new Set<string>();
      for (const each of dirs) {
        try {
          this.publish(each, left);
        } catch (error) {
          this.onError(error);
        }
      }
      // A file that left one ruleset may have joined another (the rules directory moved): only a file no
      // ruleset holds now has its problems cleared, so the editor never shows an empty list in between.
      for (const uri of left) if (!this.isPublished(uri)) this.send(uri, []);
    });
  }

  private isPublished(uri: string): boolean {
    for (const sent of this.published.values()) if (sent.has(uri)) return true;
    return false;
  }

  private publish(dir: string, left: Set<string>): void {
    const ruleset = this.workspace.check(dir);
    const byFile = new Map<string, Diagnostic[]>();
    for (const diagnostic of ruleset.diagnostics) {
      const list = byFile.get(diagnostic.span.file) ?? [];
      list.push(diagnostic);
      byFile.set(diagnostic.span.file, list);
    }
    const uriOfDisplay = (display: string) => {
      const absolute = ruleset.absolutePaths.get(display);
      return absolute === undefined ? undefined : this.uriOf(absolute);
    };
    const before = this.published.get(dir) ?? new Map<string, string>();
    const now = new Map<string, string>();
    for (const [display, absolute] of ruleset.absolutePaths) {
      const uri = this.uriOf(absolute);
      const diagnostics = (byFile.get(display) ?? []).map((d) => toLspDiagnostic(d, uriOfDisplay));
      const key = JSON.stringify(diagnostics);
      now.set(uri, key);
      if (before.get(uri) !== key) this.send(uri, diagnostics);
    }
    // Files that left the ruleset (deleted, or a closed buffer never saved): their problems went with them.
    for (const uri of before.keys()) if (!now.has(uri)) left.add(uri);
    this.published.set(dir, now);
  }
}
