import * as fs from "fs";
import * as path from "path";

/**
 * The SCB files the tests, the replay server and the benchmark read: all inside the repository, in
 * test/fixtures/scb (its README gives the origin of each). A missing file is an error, never a skip.
 */
export const SCB_FIXTURES = path.resolve(__dirname, "..", "fixtures", "scb");

export function fixturePath(rel: string): string {
  return path.join(SCB_FIXTURES, rel);
}

export function fixtureBytes(rel: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(fixturePath(rel)));
}

export function fixtureJson(rel: string): unknown {
  return JSON.parse(fs.readFileSync(fixturePath(rel), "utf8"));
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
  configV1: "v1/responses/config_en_BefolkningNy.json",
  tab638: "v2/responses/rOpenGov_TAB638_data_POST_1cell.json",
  tab638meta: "v2/responses/rOpenGov_TAB638_metadata_sv.json",
  configV2: "v2/responses/rOpenGov_config.json",
  tab6471: "v2/responses/pxwebpy_TAB6471_data.json",
  tab6471meta: "v2/responses/pxwebpy_TAB6471_metadata.json",
  codelistAlder10: "v2/responses/pxwebpy_codelist_agg_Alder10arJ.json",
  tablesPage: "v2/responses/pxwebpy_tables.json",
  search: "v2/responses/pxwebpy_search.json",
  pxweb2Csv: "synthetic/SYNTHETIC_pxweb2-csv-download_TAB6471_semicolon-title-texts_latin1.csv",
  heMetaV2: "synthetic/SYNTHETIC_HE0000T02N2_metadata_v2-TAB1386.json",
  heMetaV1: "synthetic/SYNTHETIC_HE0000T02N2_metadata_v1.json",
  heSample: "synthetic/SYNTHETIC_HE0000T02N2_data_umearegionen-riket_2023M01-2024M12.json",
} as const;
