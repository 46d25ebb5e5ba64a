/** A row of labelled figures (label above, big value below) in an admin panel. */
export function Figures({ items }: { items: [label: string, value: string][] }) {
  return (
    <dl class="figures">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
