/**
 * CSV headers written for people ("Prospect ID", "Total Time Spent on Website") name lead fields
 * (`prospect_id`, `total_time_spent_on_website`): a header's words joined by `_` and lowercased are its key,
 * and a header whose key is a field's name fills that field (see column-plan.ts).
 */
export function fieldKeyOf(header: string): string {
  return header
    .trim()
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toLowerCase();
}
