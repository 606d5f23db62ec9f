import * as fs from "fs";
import * as path from "path";

/** The repo root; shared fixtures sit beside the clone (`../shared`), in CI as well as locally. */
const repoRoot = path.resolve(__dirname, "..", "..");
export const SHARED_SCB = path.resolve(repoRoot, "..", "shared", "fixtures", "scb");
export const LOCAL_SCB = path.resolve(__dirname, "fixtures");

export function sharedBytes(rel: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(SHARED_SCB, rel)));
}

export function sharedJson(rel: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(SHARED_SCB, rel), "utf8"));
}

export function localBytes(rel: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(LOCAL_SCB, rel)));
}

export const FILES = {
  bilar: "webui-export/old-pxweb_PersBilarDrivMedel_regCarsFuel2014_comma-with-heading_latin1.csv",
  hut: "webui-export/old-pxweb_HUTutgift6_consumptionHouseholdRatio_comma-with-heading_latin1.csv",
  lan2020: "real-data/oldpxweb_BE0101N1_BefolkningNy_lan_civilstand_alder_kon_2020_semicolon-title_latin1_crlf.csv",
  births: "real-data/oldpxweb_en_00000863_LiveBirths_riket_mothersage_sex_2025_semicolon-title.csv",
  population: "real-data/oldpxweb_en_0000088D_Population_riket_age_sex_2025_semicolon-title.csv",
  vagdur: "real-data/vagdur_SCB_alderkon_kommun_alder_kon_2019_R-writecsv_utf8.csv",
  pxjson290: "real-data/v1-pxjson_Befolkningsstatistik_kommun290_folkmangd_helar_2022.json",
  ckm312: "v1/responses/BefolkManadCKM_jsonstat2_region-all_alder-TotSA_kon-TotSa.json",
  pxjsonCivil: "v1/responses/BefolkningNy_data_POST_format-json_civilstand_2015-2017_sv.json",
  befolkningNyMeta: "v1/responses/BefolkningNy_metadata_sv.json",
  tab638: "v2/responses/rOpenGov_TAB638_data_POST_1cell.json",
  tab6471: "v2/responses/pxwebpy_TAB6471_data.json",
  tab638meta: "v2/responses/rOpenGov_TAB638_metadata_sv.json",
  pxweb2Csv: "SYNTHETIC_pxweb2-csv-download_TAB6471_semicolon-title-texts_latin1.csv",
} as const;
