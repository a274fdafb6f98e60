/** What every benchmark group gets, and what it gives back to be printed. */
export interface BenchContext {
  /** Fewer rounds and smaller inputs: a smoke run of the benchmark code, not numbers to quote. */
  quick: boolean;
  /** A scratch directory removed at the end of the run. */
  tempDir: string;
}

export interface GroupResult {
  title: string;
  lines: string[];
}
