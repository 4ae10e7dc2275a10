/**
 * Renders help.html, the function reference that Excel's "Help on this function" links (@helpurl) open, from the
 * generated functions.json: one section per function (anchor #kc-<name>), its signature, description and parameters.
 * The README's functions section is the long form with worked examples.
 */
const NAMESPACE = "KC";

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function signature(fn) {
  const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${NAMESPACE}.${fn.name}(${params.join(", ")})`;
}

function section(fn) {
  const rows = fn.parameters
    .map(
      (p) =>
        `<tr><td><code>${escape(p.name)}</code>${p.optional ? " (optional)" : ""}</td>` +
        `<td>${p.dimensionality === "matrix" ? "value or range" : escape(p.type)}</td><td>${escape(p.description || "")}</td></tr>`,
    )
    .join("\n");
  const table = rows
    ? `<table><thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead><tbody>\n${rows}\n</tbody></table>`
    : "<p>No parameters.</p>";
  const result = fn.result && fn.result.dimensionality === "matrix" ? "Spills a table." : `Returns a ${escape(fn.result?.type || "value")}.`;
  return `<section id="kc-${fn.name.toLowerCase()}">
<h2><code>${escape(signature(fn))}</code></h2>
<p>${escape(fn.description || "")}</p>
<p>${result}</p>
${table}
</section>`;
}

/** The help page for the functions in a functions.json object. */
function renderHelpPage(metadata) {
  const index = metadata.functions.map((fn) => `<li><a href="#kc-${fn.name.toLowerCase()}">${NAMESPACE}.${escape(fn.name)}</a></li>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'">
<title>KC for Excel: function reference</title>
<style>body{font-family:Segoe UI,system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
code{background:#f3f3f3;padding:0 .2rem}section{margin-top:2rem}</style>
</head>
<body>
<h1>KC for Excel: function reference</h1>
<p>Kingsoft Cloud's reported figures (unaudited Q1 2026 results, RMB thousands unless stated). Optional parameters are in brackets.
Errors: <code>#VALUE!</code> when an argument is wrong, <code>#N/A</code> when the filing has no such figure; the message says what to type.</p>
<ul>
${index}
</ul>
${metadata.functions.map(section).join("\n")}
</body>
</html>
`;
}

module.exports = { renderHelpPage };
