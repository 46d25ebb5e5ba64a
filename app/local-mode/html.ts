/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The frame both local pages share: readable on an iPad, no external assets. */
export function localPage(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 46rem; padding: 1.5rem; color: #1f2933; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
  .note { color: #52606d; font-size: 0.9rem; }
  button { font: inherit; padding: 0.6rem 1rem; border-radius: 0.5rem; border: 1px solid #9aa5b1; background: #fff; cursor: pointer; min-height: 44px; }
  button.primary { background: #1f6feb; border-color: #1f6feb; color: #fff; }
  ul.users { list-style: none; padding: 0; display: grid; gap: 0.75rem; }
  ul.users button { width: 100%; text-align: left; display: flex; justify-content: space-between; gap: 1rem; }
  table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
  th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #e4e7eb; }
  fieldset { border: 1px solid #e4e7eb; border-radius: 0.5rem; margin: 1rem 0; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  pre { background: #f5f7fa; padding: 0.75rem; overflow: auto; font-size: 0.8rem; }
</style>
</head>
<body>
${body}
${script ? `<script type="module">${script}</script>` : ''}
</body>
</html>`;
}
