import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { foldCase, normalizeText, trimText } from "../../src/eval/normalize.js";

describe("trimText", () => {
  const spaces = [
    " ",
    "\t",
    "\n",
    "\r",
    "\v",
    "\f",
    "\u00a0",
    "\u1680",
    "\u2000",
    "\u2028",
    "\u3000",
    "\ufeff",
  ];

  test("is String.prototype.trim, also for spaces beyond ASCII", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...spaces), fc.string({ unit: "binary", maxLength: 3 })), {
          maxLength: 6,
        }),
        (parts) => {
          const text = parts.join("");
          expect(trimText(text)).toBe(text.trim());
        },
      ),
      { numRuns: 2000 },
    );
    for (const space of spaces) expect(trimText(`${space}CEO${space}`)).toBe("CEO");
  });

  test("normalised text is trimmed and lowercased; blank is missing", () => {
    expect(normalizeText("\u00a0 VP Sales\t")).toBe("vp sales");
    expect(normalizeText("CEO")).toBe("ceo");
    expect(normalizeText(" \u3000 ")).toBeUndefined();
  });
});

describe("foldCase", () => {
  test("lowercases A–Z and nothing else, as replacing each run of capitals would", () => {
    const byRuns = (text: string) => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom("A", "z", "Z", "İ", "K", "ß", "\ud800", "é"), fc.string()), {
          maxLength: 6,
        }),
        (parts) => {
          const text = parts.join("");
          expect(foldCase(text)).toBe(byRuns(text));
        },
      ),
    );
    expect(foldCase("Page_View")).toBe("page_view");
    expect(foldCase("İSTANBUL")).toBe("İstanbul");
  });
});
