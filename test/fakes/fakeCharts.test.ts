/**
 * Charts in the Excel fake: created at sync from the source cells as Excel guesses the series, with
 * title, axis titles and position; what Excel refuses, the fake refuses.
 */
import { FakeOffice, createFakeOffice } from "./excelFake";
import { rejection } from "./rejection";


let fake: FakeOffice;
beforeEach(() => {
  fake = createFakeOffice();
  // År | Umeå | Riket, years as text (as Samkalk writes them).
  fake.user.editCell("Blad1", "A1", "År");
  fake.user.editCell("Blad1", "B1", "Umeå");
  fake.user.editCell("Blad1", "C1", "Riket");
  ["2019", "2020", "2021"].forEach((y, i) => {
    fake.user.editCell("Blad1", `A${i + 2}`, `'${y}`);
    fake.user.editCell("Blad1", `B${i + 2}`, 0.05 + i / 100);
    fake.user.editCell("Blad1", `C${i + 2}`, 0.06);
  });
});

test("a line chart over a header row and a text category column has one named series per column", async () => {
  await fake.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Blad1");
    const chart = sheet.charts.add("Line", sheet.getRange("A1:C4"), "Columns");
    chart.name = "Andel";
    chart.title.text = "Andel av befolkningen";
    chart.axes.categoryAxis.title.text = "År";
    chart.axes.valueAxis.title.text = "Andel";
    chart.setPosition("E2", "L18");
    const series = chart.series.load("items/name");
    await context.sync();
    expect(series.items.map((s) => s.name)).toEqual(["Umeå", "Riket"]);
  });
  expect(fake.inspect.charts("Blad1")).toEqual([
    {
      name: "Andel",
      type: "Line",
      title: "Andel av befolkningen",
      categoryAxisTitle: "År",
      valueAxisTitle: "Andel",
      source: "Blad1!A1:C4",
      seriesBy: "Columns",
      position: { from: "E2", to: "L18" },
      series: [
        { name: "Umeå", values: "B2:B4", categories: "A2:A4" },
        { name: "Riket", values: "C2:C4", categories: "A2:A4" },
      ],
    },
  ]);
});

test("years written as numbers become a series of their own, as in Excel", async () => {
  ["2019", "2020", "2021"].forEach((y, i) => fake.user.editCell("Blad1", `A${i + 2}`, y)); // numbers now
  await fake.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Blad1");
    sheet.charts.add("Line", sheet.getRange("A1:C4"), "Columns");
    await context.sync();
  });
  expect(fake.inspect.charts("Blad1")[0].series.map((s) => s.name)).toEqual(["År", "Umeå", "Riket"]);
});

test("series by rows take their names from the first column", async () => {
  await fake.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Blad1");
    sheet.charts.add("ColumnStacked", sheet.getRange("A1:C4"), "Rows");
    await context.sync();
  });
  expect(fake.inspect.charts("Blad1")[0].series.map((s) => s.name)).toEqual(["2019", "2020", "2021"]);
});

test("nothing exists before the sync, and the chart cannot be read before it is loaded", async () => {
  await fake.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Blad1");
    const chart = sheet.charts.add("Line", sheet.getRange("A1:C4"), "Columns");
    expect(fake.inspect.charts("Blad1")).toEqual([]);
    expect(() => chart.series.items).toThrow(/not available/);
    await context.sync();
    expect(() => chart.id).toThrow(/not available/);
  });
  expect(fake.inspect.charts("Blad1")).toHaveLength(1);
});

test.each([
  ["an unknown chart type", (s: Excel.Worksheet) => s.charts.add("Linjer" as Excel.ChartType, s.getRange("A1:C4"), "Columns")],
  ["an unknown seriesBy", (s: Excel.Worksheet) => s.charts.add("Line", s.getRange("A1:C4"), "Kolumner" as Excel.ChartSeriesBy)],
  ["a bad source address", (s: Excel.Worksheet) => s.charts.add("Line", "A1:" as unknown as Excel.Range, "Columns")],
])("%s fails the sync with InvalidArgument", async (_what, add) => {
  const error = await rejection(
    fake.run(async (context) => {
      add(context.workbook.worksheets.getItem("Blad1"));
      await context.sync();
    }),
  );
  expect(error.code).toBe("InvalidArgument");
  expect(fake.inspect.charts("Blad1")).toEqual([]);
});

test("a title that is not text, or too long, and a position that ends before it starts, are refused", async () => {
  for (const act of [
    (c: Excel.Chart) => (c.title.text = 5 as unknown as string),
    (c: Excel.Chart) => (c.axes.valueAxis.title.text = "x".repeat(256)),
    (c: Excel.Chart) => c.setPosition("H10", "E2"),
  ]) {
    const error = await rejection(
      fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Blad1");
        act(sheet.charts.add("Line", sheet.getRange("A1:C4"), "Columns"));
        await context.sync();
      }),
    );
    expect(error.code).toBe("InvalidArgument");
  }
});

test("charts are found by name, deleted, and go with their sheet", async () => {
  await fake.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Blad1");
    sheet.charts.add("Line", sheet.getRange("A1:C4"), "Columns").name = "Ett";
    sheet.charts.add("ColumnStacked", sheet.getRange("A1:C4"), "Columns").name = "Två";
    await context.sync();
    const charts = sheet.charts.load("items/name");
    await context.sync();
    expect(charts.items.map((c) => c.name)).toEqual(["Ett", "Två"]);
    sheet.charts.getItem("ett").delete();
    await context.sync();
  });
  expect(fake.inspect.charts("Blad1").map((c) => c.name)).toEqual(["Två"]);
  const error = await rejection(
    fake.run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").charts.getItem("Ett").delete();
      await context.sync();
    }),
  );
  expect(error.code).toBe("ItemNotFound");
  fake.user.addSheet("Blad2");
  fake.user.deleteSheet("Blad1");
  expect(() => fake.inspect.charts("Blad1")).toThrow(/no sheet/);
});
