// Validates the AsyncAPI document with the official parser (@asyncapi/parser) and renders it to one HTML file.
//
//   node validate.mjs [document] [output directory]
//
// Defaults: ../src/main/resources/asyncapi.yaml and ../target/asyncapi (index.html). References to other files
// (the payload schemas) are resolved relative to the document. Exits with 1, after listing the parser's
// diagnostics, when the document has an error or a warning; nothing is rendered then.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, Parser, stringify } from '@asyncapi/parser';

const here = path.dirname(fileURLToPath(import.meta.url));
const documentPath = path.resolve(process.argv[2] ?? path.join(here, '../src/main/resources/asyncapi.yaml'));
const outputDir = path.resolve(process.argv[3] ?? path.join(here, '../target/asyncapi'));

const SEVERITY = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

function describe(diagnostic) {
  const start = diagnostic.range?.start;
  const where = start ? `${documentPath}:${start.line + 1}:${start.character + 1}` : documentPath;
  const at = diagnostic.path?.length ? ` (at ${diagnostic.path.join('.')})` : '';
  return `${where} ${SEVERITY[diagnostic.severity] ?? diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}${at}`;
}

const text = await readFile(documentPath, 'utf8');
const { document, diagnostics } = await new Parser().parse(text, { source: documentPath });

const failing = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);
for (const diagnostic of diagnostics) {
  (failing.includes(diagnostic) ? console.error : console.log)(describe(diagnostic));
}
if (!document || failing.length > 0) {
  console.error(`AsyncAPI document is not valid: ${failing.length} error(s) or warning(s) in ${documentPath}`);
  process.exit(1);
}

// The React component's standalone bundle (React included), given the parsed document so that the page needs
// neither the parser nor the schema files: one file that opens from disk.
const require = createRequire(import.meta.url);
const component = path.dirname(require.resolve('@asyncapi/react-component/package.json'));
// As data: URLs, so that nothing in their text can end an element of the page early.
const dataUrl = async (file, type) => `data:${type};base64,${(await readFile(path.join(component, file))).toString('base64')}`;
const script = await dataUrl('browser/standalone/without-parser.js', 'text/javascript');
const styles = await dataUrl('styles/default.min.css', 'text/css');
const parsed = stringify(document).replaceAll('<', '\\u003c');
const title = document.info().title();

const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title.replaceAll('&', '&amp;').replaceAll('<', '&lt;')} ${document.info().version()}</title>
<link rel="stylesheet" href="${styles}">
</head>
<body>
<div id="asyncapi"></div>
<script type="application/json" id="asyncapi-document">${parsed}</script>
<script src="${script}"></script>
<script>
AsyncApiStandalone.render({
  schema: document.getElementById('asyncapi-document').textContent,
  config: { show: { sidebar: true, errors: true } },
}, document.getElementById('asyncapi'));
</script>
</body>
</html>
`;

await mkdir(outputDir, { recursive: true });
const output = path.join(outputDir, 'index.html');
await writeFile(output, html);
const channels = document.channels().length;
const operations = document.operations().length;
const messages = document.allMessages().length;
console.log(`AsyncAPI document is valid: ${channels} channels, ${operations} operations, ${messages} messages; rendered to ${output}`);
