/** Native charts of a sheet spec (ExcelApi 1.1), queued with the sheet's last write. */
import { ChartSpec } from "../../sheets/spec";
import { cellAddress } from "../../domain/a1";

const TYPES: Record<ChartSpec["type"], "Line" | "ColumnStacked"> = { line: "Line", columnStacked: "ColumnStacked" };

/** Statements one chart queues besides its texts (add, name, title, two axis titles, position), for payload estimates. */
export const CHART_STATEMENTS = 6;

export function applyCharts(sheet: Excel.Worksheet, charts: ChartSpec[]): void {
  for (const c of charts) {
    const source = sheet.getRangeByIndexes(c.source.row, c.source.col, c.source.rows, c.source.cols);
    const chart = sheet.charts.add(TYPES[c.type], source, c.seriesBy === "columns" ? "Columns" : "Rows");
    chart.name = c.name;
    chart.title.text = c.title;
    if (c.categoryAxisTitle) chart.axes.categoryAxis.title.text = c.categoryAxisTitle;
    if (c.valueAxisTitle) chart.axes.valueAxis.title.text = c.valueAxisTitle;
    const p = c.position;
    chart.setPosition(cellAddress(p.row, p.col), cellAddress(p.row + p.rows - 1, p.col + p.cols - 1));
  }
}
