import fc from "fast-check";
import { expect, test } from "vitest";
import { LeadIdTable } from "../../src/io/lead-id-table.js";

test("ids are told apart as text: a lone surrogate is not U+FFFD, nor another lone surrogate", () => {
  const table = new LeadIdTable();
  const ids = ["a\uD800", "a\uFFFD", "a\uDC00", "a\uD83D\uDE00", "\uDBFF", "\uDFFF\uD800", "plain", "é"];
  expect(ids.map((id) => table.addText(id))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  expect(ids.map((id) => table.slotOf(id))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  expect(ids.map((_, slot) => table.idAt(slot))).toEqual(ids);
  // A surrogate pair is its character, however it is written.
  expect(table.slotOf("a😀")).toBe(3);
  expect(table.slotOf("a\uDE00")).toBe(-1);
});

test("any UTF-16 text: one slot per distinct id, found again, and read back as it was given", () => {
  const codeUnits = fc.array(fc.constantFrom(0x41, 0xe9, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfffd, 0xed), {
    maxLength: 6,
  });
  fc.assert(
    fc.property(fc.array(codeUnits, { maxLength: 40 }), (units) => {
      const ids = units.map((list) => String.fromCharCode(...list));
      const table = new LeadIdTable();
      const slots = ids.map((id) => table.addText(id));
      const distinct = [...new Set(ids)];
      expect(table.size).toBe(distinct.length);
      distinct.forEach((id, slot) => {
        expect(table.idAt(slot)).toBe(id);
        expect(table.slotOf(id)).toBe(slot);
      });
      expect(slots).toEqual(ids.map((id) => distinct.indexOf(id)));
    }),
    { numRuns: 500, seed: 16 },
  );
});
