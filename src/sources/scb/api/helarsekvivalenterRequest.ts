import { InputError } from "../../../domain/errors";
import { codesByLabel, TableMetadata, variableByCode } from "./metadata";
import { SelectionInput } from "./selection";

export type HeInnehall =
  | "sjukpenning"
  | "sjukOchAktivitetsersattning"
  | "arbetsloshetsersattning"
  | "arbetsmarknadsatgarder"
  | "ekonomisktBistand"
  | "etableringsersattning"
  | "summa"
  | "folkmangd"
  | "andel";

/** Content labels in SCB's order (DOMAIN.md), matched by label since the codes are not verified. */
export const HE_INNEHALL: readonly { key: HeInnehall; etikett: string; monster: RegExp; summerbar: boolean }[] = [
  { key: "sjukpenning", etikett: "Sjukpenning", monster: /^sjukpenning/i, summerbar: true },
  // SCB's own label has a typo ("ersersättning"); match either spelling.
  { key: "sjukOchAktivitetsersattning", etikett: "Sjuk- och aktivitetsersersättning", monster: /^sjuk- och aktivitets/i, summerbar: true },
  { key: "arbetsloshetsersattning", etikett: "Arbetslöshetsersättning", monster: /^arbetslöshets/i, summerbar: true },
  { key: "arbetsmarknadsatgarder", etikett: "Arbetsmarknadsåtgärder", monster: /^arbetsmarknadsåtgärd/i, summerbar: true },
  { key: "ekonomisktBistand", etikett: "Ekonomiskt bistånd", monster: /^ekonomiskt bistånd/i, summerbar: true },
  { key: "etableringsersattning", etikett: "Etableringsersättning", monster: /^etablering/i, summerbar: true },
  { key: "summa", etikett: "Summa helårsekvivalenter", monster: /^summa/i, summerbar: true },
  { key: "folkmangd", etikett: "Folkmängd", monster: /^folkmängd/i, summerbar: true },
  { key: "andel", etikett: "Andel av befolkningen", monster: /^andel/i, summerbar: false },
];

/** Selection for helårsekvivalenter, with ContentsCode and Kon codes looked up by label in `meta`. */
export function helarsekvivalenterRequest(
  meta: TableMetadata,
  opts: {
    regions: readonly string[];
    months: readonly string[];
    aldersgrupp?: "20-64" | "20-65";
    kon: "per-kon" | "totalt" | "alla";
    innehall?: readonly HeInnehall[];
  },
): { table: string; selection: SelectionInput } {
  const v = (code: string) => variableByCode(meta, code);
  const plats = `tabell ${meta.id}`;
  const contents = v("ContentsCode");
  if (!contents) throw new InputError([{ plats, meddelande: "Tabellen har ingen variabel ContentsCode." }]);
  const wanted = opts.innehall ?? HE_INNEHALL.map((h) => h.key);
  const codes = wanted.map((key) => {
    const h = HE_INNEHALL.find((x) => x.key === key)!;
    const hit = contents.values.find((x) => h.monster.test(x.label));
    if (!hit) throw new InputError([{ plats, meddelande: `Innehållet "${h.etikett}" finns inte i tabellen.` }]);
    return hit.code;
  });
  const kon = v("Kon");
  const men = codesByLabel(kon, /^män$/i);
  const women = codesByLabel(kon, /^kvinnor$/i);
  const total = kon ? kon.values.filter((x) => !men.includes(x.code) && !women.includes(x.code)).map((x) => x.code) : [];
  const konCodes = opts.kon === "per-kon" ? [...men, ...women] : opts.kon === "totalt" ? total.slice(0, 1) : [...total.slice(0, 1), ...men, ...women];
  return {
    table: meta.id,
    selection: {
      Region: opts.regions,
      Kon: konCodes,
      Aldersgrupp: [opts.aldersgrupp ?? "20-64"],
      ContentsCode: codes,
      Tid: opts.months,
    },
  };
}
