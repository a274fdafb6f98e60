/**
 * The artifact printer lives in compile/print-artifact.ts (diff and explain both use it). This module only
 * forwards to it for the modules of diff/ that still import it from here.
 */
export * from "../compile/print-artifact.js";
