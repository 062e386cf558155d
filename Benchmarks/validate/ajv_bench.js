#!/usr/bin/env node
// ajv (Debian's node-ajv, draft-07) on the JSON Lines corpus, doing what `forma validate`
// does: read the file, parse every line, validate it, count the invalid ones.
//
//   node ajv_bench.js SCHEMA CORPUS [RUNS] [FORMA_RATE]
//
// Formats are asserted ("full" mode, as forma --format-assertion). multipleOfPrecision is set
// so ajv agrees with forma's exact decimals on multipleOf (ajv otherwise divides in floating
// point). Prints the median instances/s, the invalid count and the ratio forma/ajv.
"use strict";
const fs = require("fs");
const Ajv = require("ajv");

const [schemaPath, corpusPath, runsArg, formaRate] = process.argv.slice(2);
const runs = Number(runsArg || 3);
const ajv = new Ajv({ format: "full", multipleOfPrecision: 12, allErrors: false });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));

const rates = [];
let count = 0, invalid = 0;
for (let r = 0; r < runs; r++) {
  const start = process.hrtime.bigint();
  const text = fs.readFileSync(corpusPath, "utf8");
  count = 0; invalid = 0;
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf("\n", from);
    if (to < 0) to = text.length;
    const line = text.slice(from, to);
    from = to + 1;
    if (line.trim() === "") continue;
    count++;
    let ok;
    try { ok = validate(JSON.parse(line)); } catch (e) { ok = false; }
    if (!ok) invalid++;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  rates.push(count / seconds);
}
rates.sort((a, b) => a - b);
const median = rates[Math.floor(rates.length / 2)];
let line = `ajv ${require("ajv/package.json").version} (node ${process.version}): ${count} instances, ${invalid} invalid, ${median.toFixed(0)} inst/s`;
if (formaRate) line += `; forma/ajv ${(Number(formaRate) / median).toFixed(2)}x`;
console.log(line);
