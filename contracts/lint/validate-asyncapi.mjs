// Parses and validates an AsyncAPI document with the AsyncAPI project's own parser (@asyncapi/parser, the one
// @asyncapi/cli uses). Prints every diagnostic; exits 1 if any is an error or, with --strict, a warning.
// Usage: node validate-asyncapi.mjs <file> [--strict]
import { Parser, fromFile, DiagnosticSeverity } from '@asyncapi/parser';

const [file, ...flags] = process.argv.slice(2);
if (!file) {
  console.error('usage: node validate-asyncapi.mjs <asyncapi.yaml> [--strict]');
  process.exit(2);
}
const strict = flags.includes('--strict');
const parser = new Parser();
const { document, diagnostics } = await fromFile(parser, file).parse();
const names = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint' };
let errors = 0;
let warnings = 0;
for (const d of diagnostics) {
  if (d.severity === DiagnosticSeverity.Error) errors++;
  if (d.severity === DiagnosticSeverity.Warning) warnings++;
  const line = d.range ? d.range.start.line + 1 : '?';
  console.log(`${names[d.severity] ?? d.severity} ${d.code} line ${line} ${(d.path || []).join('.')}: ${d.message}`);
}
console.log(`asyncapi: ${errors} errors, ${warnings} warnings; document ${document ? 'parsed' : 'NOT parsed'}`);
if (document) {
  console.log(`channels ${document.channels().length}, operations ${document.operations().length},`
    + ` messages ${document.allMessages().length}, servers ${document.servers().length}`);
}
process.exit(!document || errors > 0 || (strict && warnings > 0) ? 1 : 0);
