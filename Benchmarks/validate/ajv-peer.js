#!/usr/bin/env node
// Validates the benchmark corpus with ajv, doing the same work as `forma validate` and the
// Python peers: read the file, parse every line, check it against the schema, count invalid.
//
//   NODE_PATH=/usr/share/nodejs node ajv-peer.js SCHEMA CORPUS [--runs N] [--forma-rate R ...]
//
// ajv compiles the schema to JavaScript once; formats are asserted ("full" mode), as with
// `forma validate --format-assertion`. `multipleOfPrecision` is set because ajv otherwise
// rejects decimals such as 0.07 against `multipleOf: 0.01` (binary floating point).
// Prints the median instances/s of N runs, the invalid count (which must agree with forma's)
// and, for each --forma-rate (instances/s, e.g. jobs 1 and jobs 2), the ratio forma/ajv.
'use strict';
const fs = require('fs');
const Ajv = require('ajv');

const args = process.argv.slice(2);
const [schemaPath, corpusPath] = args;
let runs = 3;
const formaRates = [];
for (let i = 2; i < args.length; i++) {
    if (args[i] === '--runs') runs = Number(args[++i]);
    else if (args[i] === '--forma-rate') formaRates.push(Number(args[++i]));
}
if (!schemaPath || !corpusPath) {
    console.error('usage: ajv-peer.js SCHEMA CORPUS [--runs N] [--forma-rate R ...]');
    process.exit(2);
}

const ajv = new Ajv({ format: 'full', multipleOfPrecision: 12, allErrors: false });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));

function pass() {
    const start = process.hrtime.bigint();
    const text = fs.readFileSync(corpusPath, 'utf8');
    let count = 0, invalid = 0, from = 0;
    while (from < text.length) {
        let end = text.indexOf('\n', from);
        if (end < 0) end = text.length;
        const line = text.slice(from, end);
        from = end + 1;
        if (line.trim() === '') continue;
        count++;
        let ok;
        try { ok = validate(JSON.parse(line)); } catch (e) { ok = false; }
        if (!ok) invalid++;
    }
    return { seconds: Number(process.hrtime.bigint() - start) / 1e9, count, invalid };
}

const results = [];
for (let r = 0; r < runs; r++) results.push(pass());
const sorted = results.map(r => r.seconds).sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
const rate = results[0].count / median;
const ratios = formaRates.map(f => (f / rate).toFixed(2).padStart(12)).join(' ');
const label = 'ajv ' + require('ajv/package.json').version + ' (node ' + process.versions.node + ')';
console.log(`${label.padEnd(28)} ${String(results[0].count).padStart(10)} ${String(results[0].invalid).padStart(8)} ${rate.toFixed(0).padStart(12)} ${ratios}`);
