import { formatAmount } from "../../domain/amount";
import { Notice, SheetList } from "../Notice";
import { useStrings } from "../services";
import type { TilldelningDone } from "./tilldelningForm";

const kr = (v: bigint) => formatAmount({ minor: v, decimals: 0 });
const signed = (v: bigint) => (v > 0n ? `+${kr(v)}` : kr(v));
const percent = (p: number) => {
  const text = Math.abs(p).toLocaleString("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return p > 0 ? `+${text}` : p < 0 && text !== "0,0" ? `−${text}` : text;
};

/** The forecast for the user's förbund: the amount, the change against last year, the cap if it binds, and that the försörjningsmått is synthetic. */
export function TilldelningResult(props: { done: TilldelningDone }) {
  const s = useStrings();
  const { done } = props;
  const f = done.forbund;
  return (
    <Notice intent="success" testId="result-success" title={s.allocDoneTitle(done.ar)}>
      <div data-testid="alloc-forecast">{s.allocForecast(f.namn, kr(f.tilldelning))}</div>
      <div data-testid="alloc-change">{done.forandring ? s.allocChange(signed(done.forandring.kr), percent(done.forandring.procent)) : s.allocNoChange}</div>
      {f.sparrGaller && <div data-testid="alloc-capped">{s.allocCapped(done.sparr, kr(f.sparrGolv))}</div>}
      <div data-testid="alloc-synthetic">{s.allocSynthetic}</div>
      {done.keptCopies.length > 0 && <SheetList id="sk-alloc-kept" title={s.allocKeptCopies} names={done.keptCopies} />}
    </Notice>
  );
}
