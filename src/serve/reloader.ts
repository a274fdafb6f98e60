import { saveLastGood, readLastGood } from "./last-good.js";
import type { KeyRing } from "./signing.js";
import type { RulesetSource } from "./sources.js";
import { verifyRuleset, type VerifiedRuleset } from "./verified-ruleset.js";

/** What the reloader tells the rest of the service: logs and metrics listen here. */
export interface ReloadEvents {
  loaded(active: VerifiedRuleset, previous: VerifiedRuleset | null): void;
  failed(reason: string, message: string, origin: string): void;
}

export interface ReloaderOptions {
  source: RulesetSource;
  keys: KeyRing;
  /** Where the last good ruleset is kept; null keeps none. */
  stateDir: string | null;
  /** How often a URL is polled; failures back off from it, doubling up to `maxBackoffMs`. */
  pollMs: number;
  maxBackoffMs: number;
  events: ReloadEvents;
}

export type ReloadOutcome = "loaded" | "unchanged" | "failed";

/**
 * Holds the active ruleset and replaces it. A new ruleset is read, checked and verified completely before
 * the swap, which is one assignment: a request reads `active` once when it starts and finishes on that
 * ruleset whatever happens meanwhile. A failed reload changes nothing but the count of failures.
 */
export class Reloader {
  #active: VerifiedRuleset | null = null;
  #running: Promise<ReloadOutcome> | null = null;
  #again = false;
  #timer: NodeJS.Timeout | null = null;
  #stopWatching: (() => void) | null = null;
  #failures = 0;
  #stopped = false;
  /** The last document refused: judged once, not again and again while the source still holds it. */
  #refused: { artifactText: string; signature: string | null } | null = null;

  constructor(private readonly options: ReloaderOptions) {}

  get active(): VerifiedRuleset | null {
    return this.#active;
  }

  /**
   * The first load: the source, or else the last good ruleset kept on disk. Then watching (a file) or
   * polling (a URL) begins. Resolves whether or not a ruleset could be loaded: the service starts either
   * way, not ready until one is.
   */
  async start(): Promise<void> {
    const outcome = await this.reload();
    if (outcome === "failed" && this.options.stateDir !== null) {
      const saved = await readLastGood(this.options.stateDir);
      if (saved !== null) this.#accept(saved);
    }
    const { source } = this.options;
    if (source.watch) {
      let debounce: NodeJS.Timeout | null = null;
      this.#stopWatching = source.watch(() => {
        // A rename fires several events; the file is read once they settle.
        if (debounce) clearTimeout(debounce);
        debounce = setTimeout(() => void this.reload(), 50);
        debounce.unref();
      });
    } else {
      this.#schedule();
    }
  }

  stop(): void {
    this.#stopped = true;
    this.#stopWatching?.();
    if (this.#timer) clearTimeout(this.#timer);
  }

  /** Reads the source once more (one reload at a time; a request during one runs again after it). */
  reload(): Promise<ReloadOutcome> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#reloadOnce().finally(() => {
      this.#running = null;
      if (this.#again && !this.#stopped) {
        this.#again = false;
        void this.reload();
      }
    });
    return this.#running;
  }

  async #reloadOnce(): Promise<ReloadOutcome> {
    const { source, events } = this.options;
    let document: Awaited<ReturnType<RulesetSource["fetch"]>>;
    try {
      document = await source.fetch();
    } catch (error) {
      this.#failures++;
      events.failed("source-unavailable", (error as Error).message, source.origin);
      return "failed";
    }
    const refused = this.#refused;
    if (
      document === "unchanged" ||
      document.artifactText === this.#active?.document.artifactText ||
      (document.artifactText === refused?.artifactText && document.signature === refused.signature)
    ) {
      this.#failures = 0; // the source answered: no back-off
      return "unchanged";
    }
    const accepted = this.#accept(document);
    if (accepted && this.options.stateDir !== null) {
      await saveLastGood(this.options.stateDir, document).catch((error: Error) =>
        events.failed("last-good-not-saved", error.message, this.options.stateDir ?? ""),
      );
    }
    return accepted ? "loaded" : "failed";
  }

  #accept(document: Parameters<typeof verifyRuleset>[0]): boolean {
    let next: VerifiedRuleset;
    try {
      next = verifyRuleset(document, this.options.keys);
    } catch (error) {
      this.#failures++;
      const reason = (error as { reason?: string }).reason ?? "invalid";
      this.options.events.failed(reason, (error as Error).message, document.origin);
      this.#refused = { artifactText: document.artifactText, signature: document.signature };
      return false;
    }
    this.#failures = 0;
    this.#refused = null;
    const previous = this.#active;
    this.#active = next;
    this.options.events.loaded(next, previous);
    return true;
  }

  #schedule(): void {
    if (this.#stopped) return;
    const { pollMs, maxBackoffMs } = this.options;
    const delay = this.#failures === 0 ? pollMs : Math.min(pollMs * 2 ** this.#failures, maxBackoffMs);
    this.#timer = setTimeout(() => {
      void this.reload().finally(() => this.#schedule());
    }, delay);
    this.#timer.unref();
  }
}
