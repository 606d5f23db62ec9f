import fs from "node:fs";
import { FILES, fixturePath } from "../fixturePaths";
import { subsetCube } from "./cube";
import { HE_SAMPLE_SELECTION, heMetadataV1, heMetadataV2, syntheticHeCube } from "./syntheticHe";

/**
 * The synthetic helårsekvivalenter files in test/fixtures/scb/synthetic (labelled SYNTHETIC in their names
 * and in the README there). Regenerate with `node bin/run-ts.js scripts/scb-replay.ts --write-synthetic`;
 * test/scb/replay/syntheticFixtures.test.ts checks the files still equal what the generator serves.
 */
export const SYNTHETIC_HE_FILES = {
  metadataV2: FILES.heMetaV2,
  metadataV1: FILES.heMetaV1,
  sample: FILES.heSample,
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

export function writeSyntheticHeFiles(): string[] {
  const contents = syntheticHeFileContents();
  return (Object.keys(SYNTHETIC_HE_FILES) as (keyof typeof SYNTHETIC_HE_FILES)[]).map((k) => {
    const file = fixturePath(SYNTHETIC_HE_FILES[k]);
    fs.writeFileSync(file, contents[k]);
    return file;
  });
}
