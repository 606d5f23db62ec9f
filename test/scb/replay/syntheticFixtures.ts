import fs from "node:fs";
import path from "node:path";
import { subsetCube } from "./cube";
import { HE_SAMPLE_SELECTION, heMetadataV1, heMetadataV2, syntheticHeCube } from "./syntheticHe";

/**
 * The synthetic helårsekvivalenter files in test/scb/fixtures (labelled SYNTHETIC in their names
 * and in the README there). Regenerate with `node bin/run-ts.js scripts/scb-replay.ts --write-synthetic`;
 * test/scb/replay/syntheticFixtures.test.ts checks the files still equal what the generator serves.
 */
export const SYNTHETIC_HE_FILES = {
  metadataV2: "SYNTHETIC_HE0000T02N2_metadata_v2-TAB1386.json",
  metadataV1: "SYNTHETIC_HE0000T02N2_metadata_v1.json",
  sample: "SYNTHETIC_HE0000T02N2_data_umearegionen-riket_2023M01-2024M12.json",
} as const;

export function syntheticHeFileContents(): Record<keyof typeof SYNTHETIC_HE_FILES, string> {
  const sample = subsetCube(
    syntheticHeCube(),
    Object.entries(HE_SAMPLE_SELECTION).map(([variableCode, valueCodes]) => ({ variableCode, valueCodes })),
  );
  if (!("id" in sample)) throw new Error(sample.detail);
  return {
    metadataV2: JSON.stringify(heMetadataV2(), null, 2) + "\n",
    metadataV1: JSON.stringify(heMetadataV1(), null, 2) + "\n",
    sample: JSON.stringify(sample) + "\n",
  };
}

export function writeSyntheticHeFiles(dir: string): string[] {
  const contents = syntheticHeFileContents();
  return (Object.keys(SYNTHETIC_HE_FILES) as (keyof typeof SYNTHETIC_HE_FILES)[]).map((k) => {
    const file = path.join(dir, SYNTHETIC_HE_FILES[k]);
    fs.writeFileSync(file, contents[k]);
    return file;
  });
}
