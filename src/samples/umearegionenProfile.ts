import type { ForbundProfile } from "../domain/profile/profile";
import { profileFromJson } from "../sources/profile/profileJson";
import profileJson from "./umearegionen.profil.json";

/**
 * Umeåregionen's förbundsprofil as shipped with Samkalk (`umearegionen.profil.json`, the same shape as a
 * `--profil` file): seed 004's six members, the state's 5 690 tkr for 2021, kommuner by population 16–64
 * at 31 December 2019. The demo builds its board pack from it, with seed 004's budget and seed 001's
 * initiatives as the budget and initiatives files would be.
 */
export const UMEAREGIONEN_PROFILE: ForbundProfile = profileFromJson(profileJson, "umearegionen.profil.json");
