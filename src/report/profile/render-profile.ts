import { formatPercent } from "../numbers.js";
import type { DataProfile } from "./build-profile.js";

function number(value: number | null): string {
  return value === null ? "-" : value.toFixed(2);
}

/** The profile as text: strongest columns first, each with its groups and a suggested rule line. */
export function renderProfileText(profile: DataProfile): string {
  const lines = [
    `${profile.leads} leads from ${profile.source} with a readable \`${profile.outcome}\`: ${profile.converted} converted (${formatPercent(profile.baseRate)})` +
      (profile.withoutOutcome > 0 ? `; ${profile.withoutOutcome} without a readable outcome, left out` : "") +
      (profile.rejected > 0 ? `; ${profile.rejected} records could not be read` : ""),
  ];
  if (profile.baseRate === 0 || profile.baseRate === 1)
    lines.push(
      `  ${profile.baseRate === 0 ? "Nobody" : "Everybody"} converted: no column can separate converters, so none is ranked.`,
    );
  lines.push("Columns by information value (how well they separate converters):");
  for (const column of profile.columns) {
    if (column.kind === "identifier") {
      lines.push(
        "",
        `${column.column}: more than ${column.distinct || "1000"} distinct values (an identifier?), not profiled`,
      );
      continue;
    }
    lines.push(
      "",
      `${column.column} (${column.kind === "numeric" ? "numeric, in bins" : `${column.distinct} values`}): IV ${number(column.informationValue)}`,
    );
    const width = Math.max(...column.groups.map((g) => g.group.length), 5);
    for (const group of column.groups) {
      lines.push(
        `  ${group.group.padEnd(width)}  ${String(group.leads).padStart(7)} leads  ${formatPercent(group.rate).padStart(6)}  lift ${number(group.lift).padStart(5)}  WoE ${number(group.woe).padStart(6)}`,
      );
    }
    if (column.suggestion !== null) lines.push(`  suggested rule: ${column.suggestion}`);
  }
  return `${lines.join("\n")}\n`;
}
