/**
 * A figure is one measured number: `{ id, label, value, unit, budget? }`. A budget is
 * `{ max }` or `{ min }`; `ok` says whether the value meets it (false when it is missing).
 */
export function figure(id, label, value, unit, budget) {
  if (!budget) return { id, label, value, unit };
  const measured = typeof value === 'number' && Number.isFinite(value);
  const ok =
    measured &&
    ('max' in budget ? value <= budget.max : true) &&
    ('min' in budget ? value >= budget.min : true);
  return { id, label, value, unit, budget, ok };
}

/** A section that could not run: its budgeted figures are reported as missed, with why. */
export function failedSection(name, error, ids) {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    error: reason,
    figures: ids.map(([id, label, unit, budget]) => ({
      ...figure(id, label, null, unit, budget),
      note: `${name} failed: ${reason}`,
    })),
  };
}

function budgetText(budget) {
  if (!budget) return '';
  const hasMin = 'min' in budget;
  const hasMax = 'max' in budget;
  if (hasMin && hasMax) {
    return budget.min === budget.max ? `= ${budget.max}` : `${budget.min}–${budget.max}`;
  }
  return hasMax ? `≤ ${budget.max}` : `≥ ${budget.min}`;
}

/** The short human-readable table: one line per figure. */
export function table(figures) {
  const rows = figures.map((f) => [
    f.label,
    f.value === null || f.value === undefined ? 'n/a' : String(f.value),
    f.unit,
    budgetText(f.budget),
    f.budget ? (f.ok ? 'ok' : 'MISSED') : '',
  ]);
  const widths = [0, 1, 2, 3].map((column) =>
    Math.max(...rows.map((row) => row[column].length), 0),
  );
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column === 1 ? cell.padStart(widths[column]) : cell.padEnd(widths[column] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
