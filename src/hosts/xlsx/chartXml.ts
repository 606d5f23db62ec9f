/**
 * One chart of a sheet spec as a DrawingML chart part (xl/charts/chartN.xml): a line chart or a stacked
 * column chart whose series reference the sheet's own ranges, so the chart is native and editable in Excel
 * and follows the cells when they change. Each reference also carries the spec's values as its cache, so a
 * viewer that does not recalculate still draws the chart.
 *
 * Element order follows ECMA-376 Part 1, §21.2 (dml-chart.xsd): Excel refuses a chart part whose children
 * are out of the schema's sequence; `test/hosts/xlsxCharts.test.ts` checks the order of what is written here.
 */
import type { Cell, ChartSpec, SheetSpec } from "../../sheets/spec";
import { rangeAddress, type RangeRef } from "../../domain/a1";

const NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const CAT_AX = 500000001;
const VAL_AX = 500000002;

export function xmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The spec's cell at a 0-based position (the last block that writes it wins, as when the host writes them). */
export function specCellAt(spec: SheetSpec): (row: number, col: number) => Cell | undefined {
  return (row, col) => {
    let found: Cell | undefined;
    for (const b of spec.blocks) {
      const line = b.cells[row - b.row];
      if (line && col >= b.col && col - b.col < line.length) found = line[col - b.col] ?? found;
    }
    return found;
  };
}

const cellText = (c: Cell | undefined): string =>
  !c || c.kind === "empty" ? "" : c.kind === "text" ? c.text : c.kind === "number" ? String(c.value) : String(c.expected ?? "");

const cellNumber = (c: Cell | undefined): number | null => {
  const v = c?.kind === "number" ? c.value : c?.kind === "formula" ? c.expected : undefined;
  return typeof v === "number" && Number.isFinite(v) ? v : null;
};

/** A range of the sheet as chart formula text: 'Blad 1'!$A$2:$A$9. */
function ref(sheetName: string, r: RangeRef): string {
  return `'${sheetName.replace(/'/g, "''")}'!${rangeAddress(r, true)}`;
}

function strRef(sheetName: string, r: RangeRef, texts: string[]): string {
  const pts = texts.map((t, i) => `<c:pt idx="${i}"><c:v>${xmlText(t)}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${xmlText(ref(sheetName, r))}</c:f><c:strCache><c:ptCount val="${texts.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(sheetName: string, r: RangeRef, values: Array<number | null>, format: string): string {
  const pts = values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("");
  return (
    `<c:numRef><c:f>${xmlText(ref(sheetName, r))}</c:f><c:numCache><c:formatCode>${xmlText(format)}</c:formatCode>` +
    `<c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`
  );
}

function rich(t: string): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr><a:r><a:rPr lang="sv-SE"/><a:t>${xmlText(t)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

const title = (t: string) => `<c:title>${rich(t)}<c:overlay val="0"/></c:title>`;

/** One series: its name cell, its category cells and its value cells, all on the sheet. */
interface Series {
  name: RangeRef;
  categories: RangeRef;
  values: RangeRef;
}

/** The series of a chart spec: the source's first row (or column) names them, the other gives the categories. */
export function chartSeries(c: ChartSpec): Series[] {
  const s = c.source;
  if (c.seriesBy === "columns") {
    return Array.from({ length: s.cols - 1 }, (_, k) => ({
      name: { row: s.row, col: s.col + 1 + k, rows: 1, cols: 1 },
      categories: { row: s.row + 1, col: s.col, rows: s.rows - 1, cols: 1 },
      values: { row: s.row + 1, col: s.col + 1 + k, rows: s.rows - 1, cols: 1 },
    }));
  }
  return Array.from({ length: s.rows - 1 }, (_, k) => ({
    name: { row: s.row + 1 + k, col: s.col, rows: 1, cols: 1 },
    categories: { row: s.row, col: s.col + 1, rows: 1, cols: s.cols - 1 },
    values: { row: s.row + 1 + k, col: s.col + 1, rows: 1, cols: s.cols - 1 },
  }));
}

const cellsOf = (r: RangeRef) =>
  Array.from({ length: r.rows * r.cols }, (_, i) => (r.cols === 1 ? { row: r.row + i, col: r.col } : { row: r.row, col: r.col + i }));

function seriesXml(c: ChartSpec, sheetName: string, at: (row: number, col: number) => Cell | undefined, s: Series, k: number): string {
  const cats = cellsOf(s.categories).map((p) => cellText(at(p.row, p.col)));
  const valueCells = cellsOf(s.values).map((p) => at(p.row, p.col));
  const format = valueCells.find((v) => v?.format)?.format ?? "General";
  const head =
    `<c:idx val="${k}"/><c:order val="${k}"/>` +
    `<c:tx>${strRef(sheetName, s.name, [cellText(at(s.name.row, s.name.col))])}</c:tx>`;
  const data = `<c:cat>${strRef(sheetName, s.categories, cats)}</c:cat><c:val>${numRef(sheetName, s.values, valueCells.map(cellNumber), format)}</c:val>`;
  return c.type === "line"
    ? `<c:ser>${head}<c:marker><c:symbol val="none"/></c:marker>${data}<c:smooth val="0"/></c:ser>`
    : `<c:ser>${head}<c:invertIfNegative val="0"/>${data}</c:ser>`;
}

function axes(c: ChartSpec, valueFormat: string): string {
  const txt = (t: string | undefined) => (t ? title(t) : "");
  const cat =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `${txt(c.categoryAxisTitle)}<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const val =
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorGridlines/>${txt(c.valueAxisTitle)}<c:numFmt formatCode="${xmlText(valueFormat)}" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CAT_AX}"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return cat + val;
}

/** The chart part for `c`, a chart on the sheet `spec`, now named `sheetName` (which its references use). */
export function chartXml(c: ChartSpec, spec: SheetSpec, sheetName = spec.name): string {
  const at = specCellAt(spec);
  const series = chartSeries(c);
  const ser = series.map((s, k) => seriesXml(c, sheetName, at, s, k)).join("");
  const firstValue = series.length > 0 ? at(series[0].values.row, series[0].values.col) : undefined;
  const valueFormat = firstValue?.format ?? "General";
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  const plot =
    c.type === "line"
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${ser}<c:marker val="1"/>${axIds}</c:lineChart>`
      : `<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:varyColors val="0"/>${ser}<c:gapWidth val="150"/><c:overlap val="100"/>${axIds}</c:barChart>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace ${NS}><c:date1904 val="0"/><c:lang val="sv-SE"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(c.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${axes(c, valueFormat)}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}
