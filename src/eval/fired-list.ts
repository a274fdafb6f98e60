import type { Contribution } from "./result.js";

/**
 * The contributions of one lead, gathered in a buffer reused from lead to lead and then copied into an
 * array of exactly their number. A fresh array grown one push at a time reallocates its storage on the
 * first push (with room for many more) and costs more than evaluating most rules.
 */
export class FiredList {
  private readonly items: Array<Contribution | null>;
  length = 0;

  /** `capacity`: the most contributions one lead can have (every rule of the largest model, and a clamp). */
  constructor(capacity: number) {
    this.items = new Array<Contribution | null>(Math.max(capacity, 1)).fill(null);
  }

  clear(): void {
    this.length = 0;
  }

  add(contribution: Contribution): void {
    this.items[this.length++] = contribution;
  }

  /** The contributions added since the last call, as a new array; the list is empty again. */
  take(): Contribution[] {
    const items = this.items as Contribution[];
    const length = this.length;
    this.length = 0;
    // Literals are allocated at their exact size in one step; most leads fire a handful of rules.
    switch (length) {
      case 0:
        return [];
      case 1:
        return [items[0]!];
      case 2:
        return [items[0]!, items[1]!];
      case 3:
        return [items[0]!, items[1]!, items[2]!];
      case 4:
        return [items[0]!, items[1]!, items[2]!, items[3]!];
      case 5:
        return [items[0]!, items[1]!, items[2]!, items[3]!, items[4]!];
      case 6:
        return [items[0]!, items[1]!, items[2]!, items[3]!, items[4]!, items[5]!];
      case 7:
        return [items[0]!, items[1]!, items[2]!, items[3]!, items[4]!, items[5]!, items[6]!];
      case 8:
        return [items[0]!, items[1]!, items[2]!, items[3]!, items[4]!, items[5]!, items[6]!, items[7]!];
      default:
        return items.slice(0, length);
    }
  }
}
