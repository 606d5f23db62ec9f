/**
 * Runs the SCB replay server for manual use (npm run scb:replay, or node bin/run-ts.js scripts/scb-replay.ts).
 *
 *   --port N              port on 127.0.0.1 (default 8787)
 *   --max-cells N         maxDataCells reported by /config and enforced (default 150000, as SCB)
 *   --calls N --window S  maxCallsPerTimeWindow / timeWindow reported by /config (default 30 / 10)
 *   --rate-limit N/MS     misbehave: 429 + Retry-After when more than N calls arrive within MS ms
 *   --retry-after-date    send Retry-After as an HTTP date instead of seconds
 *   --delay MS            misbehave: answer every call MS ms late
 *   --fail K              misbehave: answer 500 to the first K calls
 *   --truncate            misbehave: cut JSON bodies in half
 *   --only REGEX          misbehave only on calls whose "METHOD /path" matches (e.g. "^POST .+/data$")
 *   --write-synthetic     (re)write the SYNTHETIC_HE0000T02N2_* files in test/fixtures/scb/synthetic and exit
 *
 * Point the client at it: new ScbClient({ baseUrl: "http://127.0.0.1:8787/api/v2" }).
 */
import { Misbehaviour, startReplayServer } from "../test/scb/replay/replayServer";
import { writeSyntheticHeFiles } from "../test/scb/replay/syntheticFixtures";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const num = (name: string) => (arg(name) !== undefined ? Number(arg(name)) : undefined);

async function main(): Promise<void> {
  if (flag("write-synthetic")) {
    for (const f of writeSyntheticHeFiles()) console.log(`skrev ${f}`);
    return;
  }
  const misbehave: Misbehaviour = {};
  const rl = arg("rate-limit");
  if (rl) {
    const [maxCalls, windowMs] = rl.split("/").map(Number);
    misbehave.rateLimit = { maxCalls, windowMs, retryAfter: flag("retry-after-date") ? "date" : "seconds" };
  }
  if (num("delay")) misbehave.delayMs = num("delay");
  if (num("fail")) misbehave.fail = { first: num("fail")! };
  if (flag("truncate")) misbehave.truncate = true;
  if (arg("only")) misbehave.only = new RegExp(arg("only")!);
  const server = await startReplayServer({
    port: num("port") ?? 8787,
    config: {
      ...(num("max-cells") ? { maxDataCells: num("max-cells") } : {}),
      ...(num("calls") ? { maxCallsPerTimeWindow: num("calls") } : {}),
      ...(num("window") ? { timeWindow: num("window") } : {}),
    },
    misbehave: Object.keys(misbehave).length ? misbehave : undefined,
    log: (line) => console.log(line),
  });
  console.log(`SCB replay-server (inspelade svar + SYNTETISKA kuber) på ${server.origin}`);
  console.log(`  v2: ${server.v2}   (TAB638 [syntetiska värden], TAB6471 [inspelat], TAB1386 [syntetisk], /config, /tables, /codelists/agg_Ålder10årJ)`);
  console.log(`  v1: ${server.v1}   (BE/BE0101/BE0101A/BefolkningNy, BE/BE0101/BE0101A/BefolkManadCKM, HE/HE0112/HE0000T02N2 [syntetisk])`);
  console.log(`  /config: ${JSON.stringify(server.config)}${Object.keys(misbehave).length ? `; strular: ${JSON.stringify({ ...misbehave, only: misbehave.only?.source })}` : ""}`);
  console.log("Ctrl-C avslutar.");
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
