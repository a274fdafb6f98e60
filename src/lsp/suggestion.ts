/**
 * The replacement a hint proposes, when it proposes exactly one piece of text for the diagnostic's range:
 * "did you mean `title`?", "did you mean the list `target_countries`? …", "keywords are written in
 * lowercase: `model`", "write `number`". Every "did you mean" hint the checker and parser give has this
 * shape (they are made by diagnostics/suggest.ts or written the same way), so each becomes a code action.
 */
const PROPOSALS = [
  /^did you mean (?:the list )?`([^`]+)`\?/,
  /^(?:keywords|types) are written in lowercase: `([^`]+)`$/,
  /^write `([^`]+)`$/,
];

export function suggestedReplacement(hint: string): string | undefined {
  for (const pattern of PROPOSALS) {
    const match = pattern.exec(hint);
    if (match) return match[1];
  }
  return undefined;
}
