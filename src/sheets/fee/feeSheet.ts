import { amountToNumber } from "../../domain/amount";
import { ANDEL_DECIMALS, FeeSplitResult, describeKey } from "../../domain/fee/feeSplit";
import { APPORTION_HEADERS, ApportionColumns, apportionRanks, apportionRowFormulas } from "./apportionFormulas";
import type { Cell, SheetSpec } from "../spec";
import { amountFormat, empty, formula, isoDate, num, text } from "../cells";
import { cellAddress, columnLetters } from "../../domain/a1";
import { portraitPrint } from "../print";

/**
 * The "Medlemsavgifter <år>" sheet: inputs (yellow), the legal 50/25/25 split, the kommuner's input table
 * with their shares and fees, sums, exact-sum checks and an explanation. Every share and fee is a live
 * formula over the input cells; `expected` carries the domain's value for each formula.
 */

export const AVSER_LABELS = {
  total: "Total medlemsfinansiering",
  stat: "Statens del (50 %)",
  kommuner: "Kommunernas del (25 %)",
} as const;

export function feeSheetName(ar: number): string {
  return `Medlemsavgifter ${ar}`;
}

export function feeTableName(ar: number): string {
  return `Samkalk_Medlemsavgifter_${ar}`;
}

/** Column layout shared by the 50/25/25 block and the kommun table. */
const COL = { kod: 0, namn: 1, nyckel: 2, andel: 3, belopp: 4 } as const;
const HELP: ApportionColumns = { vikt: 5, ordning: 6, golv: 7, rest: 8, rang: 9, tillagg: 10 };
const LAST_PRINT_COL = COL.belopp;

/** Input cells (0-based rows, in column C; their labels in A overflow into the empty B). */
const VAL = 2;
const P = { ar: 5, belopp: 6, avser: 7, enhet: 8, decimaler: 9, nyckel: 10, region: 11, minor: 12 } as const;
const TOP_FIRST = 16; // Försäkringskassan, region, kommunerna on rows 17–19

const FMT = {
  share: "0.0%",
  int: "#,##0",
  helper: "0",
};

export interface FeeSheetOptions {
  today: Date;
}

export function buildFeeSheet(res: FeeSplitResult, opts: FeeSheetOptions): SheetSpec {
  const req = res.request;
  const dec = res.decimals;
  const amountFmt = amountFormat(dec);
  const scale = `POWER(10,${cellAddress(P.decimaler, VAL, true)})`;
  const minorCell = cellAddress(P.minor, VAL, true);
  const datum = isoDate(opts.today);
  const isAndel = req.nyckel.kind === "andel";
  const blocks: SheetSpec["blocks"] = [];

  // Title and inputs
  blocks.push({
    row: 0,
    col: 0,
    cells: [
      [text(`Medlemsavgifter ${req.ar}`, "title")],
      [text(req.forbund, "subtitle")],
      [text(`Skapad ${datum} med Samkalk. Gula celler är indata: ändras de räknas alla avgifter om.`, "note")],
      [],
      [text("Underlag", "label")],
      [text("År"), empty(), num(req.ar, "input", "0")],
      [text(`Belopp (${req.enhet})`), empty(), num(amountToNumber(req.belopp), "input", amountFmt)],
      [text("Beloppet avser"), empty(), text(AVSER_LABELS[req.avser], "input")],
      [text("Enhet"), empty(), text(req.enhet)],
      [text(`Decimaler (0 = hela ${req.enhet}, 2 = öre)`), empty(), num(dec, "input", "0")],
      [text("Fördelningsnyckel för kommunerna"), empty(), text(describeKey(req.nyckel))],
      [text("Region"), empty(), text(req.region)],
      [
        text("Att fördela, i minsta enhet", "helper"),
        empty(),
        formula(
          `ROUND(IF(${cellAddress(P.avser, VAL, true)}="${AVSER_LABELS.stat}",2,IF(${cellAddress(P.avser, VAL, true)}="${AVSER_LABELS.kommuner}",4,1))*${cellAddress(P.belopp, VAL, true)}*${scale},0)`,
          Number(res.total.minor),
          "helper",
          FMT.helper,
        ),
      ],
    ],
  });

  // The legal split: state 50 %, region 25 %, kommuner 25 %
  const topRows = { first: TOP_FIRST, last: TOP_FIRST + 2 };
  const topNames = ["Försäkringskassan (staten)", req.region, "Kommunerna tillsammans"];
  const topAmounts = [res.stat, res.region, res.kommunerTotal];
  const topRanks = apportionRanks(res.huvuddelar.map((h) => h.rest), [1, 2, 3]);
  blocks.push({
    row: TOP_FIRST - 2,
    col: 0,
    cells: [
      [text("Fördelning enligt lag: staten 50 %, regionen 25 %, kommunerna 25 %", "label")],
      [
        text("", "header"),
        text("Medlem", "header"),
        text("", "header"),
        text("Andel", "header"),
        text(`Belopp (${req.enhet})`, "header"),
        ...APPORTION_HEADERS.map((h) => text(h, "helper")),
      ],
      ...topNames.map((name, i) => {
        const row = TOP_FIRST + i;
        const f = apportionRowFormulas(row, HELP, topRows, minorCell);
        const h = res.huvuddelar[i];
        const weight = [2, 1, 1][i];
        return [
          empty(),
          text(name),
          empty(),
          formula(f.andel, weight / 4, undefined, FMT.share),
          formula(`${f.del}/${scale}`, amountToNumber(topAmounts[i]), undefined, amountFmt),
          num(weight, "helper", FMT.helper),
          num(i + 1, "helper", FMT.helper),
          formula(f.golv, Number(h.golv), "helper", FMT.helper),
          formula(f.rest, Number(h.rest), "helper", FMT.helper),
          formula(f.rang, topRanks[i], "helper", FMT.helper),
          formula(f.tillagg, Number(h.tillagg), "helper", FMT.helper),
        ];
      }),
      [
        empty("total"),
        text("Summa", "total"),
        empty("total"),
        formula(`SUM(D${topRows.first + 1}:D${topRows.last + 1})`, 1, "total", FMT.share),
        formula(`SUM(E${topRows.first + 1}:E${topRows.last + 1})`, amountToNumber(res.total), "total", amountFmt),
      ],
      [
        empty(),
        text("Kontroll", "check"),
        formula(
          `IF(ROUND(E${topRows.last + 2}*${scale},0)=${minorCell},"OK: delarna summerar exakt till helheten","FEL: delarna avviker med "&(E${topRows.last + 2}-${minorCell}/${scale}))`,
          "OK: delarna summerar exakt till helheten",
          "check",
        ),
      ],
    ],
  });

  // The kommuner's input table with their shares and fees
  const kommunerMinor = `(${cellAddress(TOP_FIRST + 2, HELP.golv, true)}+${cellAddress(TOP_FIRST + 2, HELP.tillagg, true)})`;
  const first = TOP_FIRST + 8;
  const headerRow = first - 1;
  const tableLabelRow = headerRow - 1;
  const last = first + res.kommuner.length - 1;
  const kRows = { first, last };
  const nyckelHeader =
    req.nyckel.kind === "andel"
      ? "Andel enligt förbundsordningen (%)"
      : `Befolkning ${req.nyckel.aldersFran}–${req.nyckel.aldersTill} år ${req.nyckel.referensAr}`;
  const kRanks = apportionRanks(
    res.kommuner.map((k) => k.rest),
    res.kommuner.map((k) => Number(k.kod)),
  );
  const weightScale = 10 ** ANDEL_DECIMALS;
  const kommunRows: Cell[][] = res.kommuner.map((k, i) => {
    const row = first + i;
    const f = apportionRowFormulas(row, HELP, kRows, kommunerMinor);
    const keyCell = cellAddress(row, COL.nyckel);
    return [
      text(k.kod, "input"),
      text(k.namn, "input"),
      num(isAndel ? Number(k.vikt) / weightScale : Number(k.vikt), "input", isAndel ? "0.0###" : FMT.int),
      formula(f.andel, k.andel, undefined, FMT.share),
      formula(`${f.del}/${scale}`, amountToNumber(k.avgift), undefined, amountFmt),
      formula(isAndel ? `ROUND(${keyCell}*${weightScale},0)` : keyCell, Number(k.vikt), "helper", FMT.helper),
      formula(`VALUE(${cellAddress(row, COL.kod)})`, Number(k.kod), "helper", FMT.helper),
      formula(f.golv, Number(k.golv), "helper", FMT.helper),
      formula(f.rest, Number(k.rest), "helper", FMT.helper),
      formula(f.rang, kRanks[i], "helper", FMT.helper),
      formula(f.tillagg, Number(k.tillagg), "helper", FMT.helper),
    ];
  });
  const sumRow = last + 1;
  const col = (c: number) => `${columnLetters(c)}${first + 1}:${columnLetters(c)}${last + 1}`;
  const keySum = res.kommuner.reduce((s, k) => s + Number(k.vikt), 0) / (isAndel ? weightScale : 1);
  const notes = [
    "Så räknas fördelningen",
    "Enligt lagen (2003:1210) om finansiell samordning betalar staten genom Försäkringskassan 50 %,",
    "regionen 25 % och kommunerna tillsammans 25 % av medlemsavgifterna.",
    `Kommunernas 25 % fördelas efter: ${describeKey(req.nyckel).toLowerCase()}.`,
    "Avrundning (största-restmetoden): varje del får heltalsdelen av sin exakta andel, och de enheter",
    "som blir över går en i taget till de delar som har störst rest; vid lika rest till lägst kod.",
    "Därför summerar delarna alltid exakt till helheten. Stegen syns i de grå kolumnerna F–K.",
  ];
  blocks.push({
    row: tableLabelRow,
    col: 0,
    cells: [
      [text("Kommunernas fördelning", "label")],
      [
        text("Kod", "header"),
        text("Kommun", "header"),
        text(nyckelHeader, "header"),
        text("Andel av kommunernas del", "header"),
        text(`Avgift (${req.enhet})`, "header"),
        ...APPORTION_HEADERS.map((h) => text(h, "header")),
      ],
      ...kommunRows,
      [
        empty("total"),
        text("Summa kommunerna", "total"),
        formula(`SUM(${col(COL.nyckel)})`, keySum, "total", isAndel ? "0.0###" : FMT.int),
        formula(`SUM(${col(COL.andel)})`, 1, "total", FMT.share),
        formula(`SUM(${col(COL.belopp)})`, amountToNumber(res.kommunerTotal), "total", amountFmt),
      ],
      [
        empty(),
        text("Kontroll", "check"),
        formula(
          `IF(ROUND(E${sumRow + 1}*${scale},0)=${kommunerMinor},"OK: kommunernas avgifter summerar exakt","FEL: kommunerna avviker med "&(E${sumRow + 1}-${kommunerMinor}/${scale}))`,
          "OK: kommunernas avgifter summerar exakt",
          "check",
        ),
      ],
      isAndel
        ? [
            empty(),
            formula(
              `IF(ABS(C${sumRow + 1}-100)<0.00005,"","Obs: andelarna summerar till "&ROUND(C${sumRow + 1},4)&" % och har räknats om i proportion till 100 %.")`,
              res.varningar.length > 0 ? `Obs: andelarna summerar till ${keySum} % och har räknats om i proportion till 100 %.` : "",
              "note",
            ),
          ]
        : [],
      [],
      ...notes.map((n, i) => [text(n, i === 0 ? "label" : "note")]),
    ],
  });
  const lastRow = sumRow + 3 + notes.length;

  return {
    name: feeSheetName(req.ar),
    kind: "medlemsavgifter",
    blocks,
    columnWidths: [10, 32, 22, 14, 16, 10, 9, 12, 12, 7, 8],
    tables: [
      {
        name: feeTableName(req.ar),
        range: { row: headerRow, col: 0, rows: res.kommuner.length + 1, cols: HELP.tillagg + 1 },
        style: "TableStyleLight9",
      },
    ],
    validations: [
      {
        range: { row: first, col: COL.nyckel, rows: res.kommuner.length, cols: 1 },
        rule: isAndel ? { kind: "decimal", min: 0, max: 100 } : { kind: "wholeNumber", min: 0 },
        errorMessage: isAndel ? "Ange andelen i procent, 0–100." : "Ange befolkningen som ett heltal, 0 eller större.",
      },
      {
        range: { row: P.belopp, col: VAL, rows: 1, cols: 1 },
        rule: { kind: "decimal", min: 0 },
        errorMessage: "Ange beloppet som ett tal, 0 eller större.",
      },
      {
        range: { row: P.avser, col: VAL, rows: 1, cols: 1 },
        rule: { kind: "list", values: Object.values(AVSER_LABELS) },
        errorMessage: "Välj vad beloppet avser i listan.",
      },
      {
        range: { row: P.decimaler, col: VAL, rows: 1, cols: 1 },
        rule: { kind: "wholeNumber", min: 0, max: 2 },
        errorMessage: "Ange 0 (hela enheter) eller 2 (öre).",
      },
    ],
    print: portraitPrint({ row: 0, col: 0, rows: lastRow + 1, cols: LAST_PRINT_COL + 1 }, `Medlemsavgifter ${req.ar}`, `${req.forbund} · utskrivet ${datum}`),
    freezeRows: 0,
  };
}

/** Row/column facts tests and readers need. */
export const FEE_SHEET_LAYOUT = { inputs: P, topFirst: TOP_FIRST, firstDataRow: TOP_FIRST + 8, columns: COL, helpers: HELP };
