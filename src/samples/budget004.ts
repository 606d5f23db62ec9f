import type { CellValue } from "../sources/budget/budgetCells";
import type { BudgetSettings } from "../usecases/budget/budgetSettings";

/**
 * Seed 004 (Samordningsförbundet Umeåregionen, verksamhetsplan 2021–2023, "13. Budget", tkr) as an
 * economist's sheet holds it from A1: text with real å/ä/ö, amounts as numbers, empty cells as null.
 * The document's own figures, including its 2021 kommun fees that sum to 2 844 tkr (the region pays 2 845).
 */
export const BUDGET_004: CellValue[][] = [
  ["13. Budget", null, null, null],
  [null, null, null, null],
  [null, 2021, 2022, 2023],
  ["Intäkter", null, null, null],
  ["- Försäkringskassan", 5690, 5690, 5690],
  ["- Umeå kommun, 82,9% av arb-bef.", 2359, 2353, 2353],
  ["-Vännäs kommun, 5,1% av arb-bef.", 146, 148, 148],
  ["- Nordmaling kommun, 4,0% av arb-bef.", 113, 114, 114],
  ["-Vindeln kommun, 2,9% av arb-bef", 83, 85, 85],
  ["- Robertsfors kommun, 3,7 % av arb-bef.", 106, 108, 108],
  ["- Bjurholms kommun, 1,3 % av arb-bef.", 37, 37, 37],
  ["- Region Västerbotten", 2845, 2845, 2845],
  ["- Anställningsstöd, AF", 110, 113, 116],
  ["Summa intäkter", 11489, 11493, 11496],
  ["Kostnader", null, null, null],
  [null, null, null, null],
  ["Kansli och styrelse", null, null, null],
  ["- Arvoden till styrelsen", -200, -205, -210],
  ["- Arvoden till revisorer", -50, -55, -60],
  ["- Kanslipersonal", -1580, -1620, -1660],
  ["- Ekonomihantering", -370, -375, -380],
  ["- Lokalhyra", -85, -90, -95],
  ["- Konferens och utbildning", -55, -55, -55],
  ["- Resor och Logi", -55, -55, -55],
  ["- Övrigt kontor och adm.", -125, -140, -155],
  ["Summa kansli och styrelse", -2520, -2595, -2670],
  ["Verksamhetsnära kostnader", null, null, null],
  [null, null, null, null],
  ["- Social redovisning", -35, -25, 0],
  ["- Hemsidor", -40, -25, -25],
  ["- Analys", -150, -50, -50],
  ["- Kompetensutveckling och mötesplatser", -260, -350, -450],
  ["Summa verksamhetsnära kostnader", -485, -450, -525],
  ["Verksamheter", null, null, null],
  [null, null, null, null],
  ["-Vännäs", -420, -430, -440],
  ["- Nordmaling", -420, -430, -440],
  ["- Vindeln", -420, -430, -440],
  ["- Robertsfors", -420, -430, -440],
  ["- Bjurholm", -420, -430, -440],
  ["- Ungdomstorget", -3200, -2800, -2700],
  ["- De sammanhållna insatserna för unga", -950, -800, -700],
  ["- Vuxentorget", -2625, -2400, -2300],
  ["- Insats NAFS", -395, -400, -410],
  ["- Processledare integration", -310, 0, 0],
  ["- Reserv HFE", -50, null, null],
  ["Summa verksamheter", -9630, -8550, -8310],
  ["Summa kostnader", -12635, -11595, -11505],
  ["Resultat", -1146, -102, -9],
  ["Eget kapital vid årets början", 2040, 894, 792],
  ["Eget kapital vid årets slut", 894, 792, 783],
];

export { planAsProjection } from "../usecases/budget/planAsProjection";

export const UMEAREGIONEN_BUDGET: BudgetSettings = { forbund: "Samordningsförbundet Umeåregionen", enhet: "tkr" };
