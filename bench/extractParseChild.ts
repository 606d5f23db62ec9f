/**
 * One measurement in a fresh process, so that the process's peak memory (maxRSS) is this parse's:
 *   node bin/run-ts.js bench/extractParseChild.ts samkalk|papaparse CELLS
 * Prints JSON {ms, rows, peakMb, baseMb, bytes}.
 */
import Papa from "papaparse";
import { performance } from "node:perf_hooks";
import { generateExtract } from "./generateExtract";
import { parseExtract } from "../src/sources/scb/extract";

const [which, cellsArg] = process.argv.slice(2);
const gen = generateExtract(Number(cellsArg));
const baseMb = process.resourceUsage().maxRSS / 1024;
const t0 = performance.now();
const rows =
  which === "papaparse"
    ? Papa.parse<string[]>(new TextDecoder("windows-1252").decode(gen.bytes), { delimiter: ";" }).data.length
    : parseExtract(gen.bytes).rows.length;
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, rows, peakMb: process.resourceUsage().maxRSS / 1024, baseMb, bytes: gen.bytes.length }));
