// Reads an open-data file with its CSV on the Web metadata through an
// independent CSVW implementation (@zazuko/rdf-parser-csvw), as a publisher's
// consumers would, and prints what it understood as JSON on standard output:
//   {"columns": [names the metadata declares], "rows": [{column: {"value", "datatype"}}, ...]}
// A cell read as null (a GSS shorthand marker) is absent from its row.
// Usage: node read.mjs NAME.csv-metadata.json NAME.csv
// The CSVW JSON-LD context comes from the barnard59-csvw package (no network).
import { createReadStream, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import ParserJsonld from '@rdfjs/parser-jsonld';
import datasetFactory from '@rdfjs/dataset';
import CsvwParser from '@zazuko/rdf-parser-csvw';
import contextLoader from 'barnard59-csvw/lib/jsonLdUtils.js';
import { Readable } from 'node:stream';

const CSVW = 'http://www.w3.org/ns/csvw#';
const [metadataPath, csvPath] = process.argv.slice(2);
if (!metadataPath || !csvPath) {
  process.stderr.write('usage: node read.mjs NAME.csv-metadata.json NAME.csv\n');
  process.exit(2);
}

function collect(stream) {
  return new Promise((resolve, reject) => {
    const quads = [];
    stream.on('data', (q) => quads.push(q));
    stream.on('error', reject);
    stream.on('end', () => resolve(quads));
  });
}

const baseIRI = pathToFileURL(metadataPath).href;
const jsonld = new ParserJsonld({ baseIRI, documentLoader: contextLoader });
const metadataQuads = await collect(jsonld.import(Readable.from([readFileSync(metadataPath, 'utf-8')])));
const metadata = datasetFactory.dataset(metadataQuads);

const columns = metadataQuads
  .filter((q) => q.predicate.value === CSVW + 'name')
  .map((q) => q.object.value);

const parser = new CsvwParser({ metadata, baseIRI, timezone: 'UTC' });
const quads = await collect(parser.import(createReadStream(csvPath, { encoding: 'utf-8' })));

// Each row is the object of csvw:describes; its cells are that subject's properties.
const described = new Set(quads.filter((q) => q.predicate.value === CSVW + 'describes').map((q) => q.object.value));
const rows = new Map();
for (const q of quads) {
  if (!described.has(q.subject.value)) continue;
  const name = decodeURIComponent(q.predicate.value.replace(/^.*#/, ''));
  if (!rows.has(q.subject.value)) rows.set(q.subject.value, {});
  const datatype = q.object.datatype ? q.object.datatype.value : '';
  rows.get(q.subject.value)[name] = { value: q.object.value, datatype };
}
const rowNumbers = new Map();
for (const q of quads) {
  if (q.predicate.value === CSVW + 'rownum') rowNumbers.set(q.subject.value, Number(q.object.value));
}
// In file order.
const order = quads.filter((q) => q.predicate.value === CSVW + 'describes')
  .map((q) => ({ row: rowNumbers.get(q.subject.value), subject: q.object.value }))
  .sort((a, b) => a.row - b.row);
process.stdout.write(JSON.stringify({ columns, rows: order.map((o) => rows.get(o.subject) || {}) }));
process.stdout.write('\n');
