// 培养方式, coded as in the graduate-employment data reporting (1 非定向 … 4 自筹).
import { codeGuard, codesOf, labelLookup } from "./code-table";

export const TRAINING_MODES = [
  { code: "1", label: "非定向" },
  { code: "2", label: "定向" },
  { code: "3", label: "委培" },
  { code: "4", label: "自筹" },
] as const;

export type TrainingModeCode = (typeof TRAINING_MODES)[number]["code"];

export const TRAINING_MODE_CODES = codesOf(TRAINING_MODES);

export const NON_DIRECTED_TRAINING_MODE = "1" satisfies TrainingModeCode;

export const trainingModeLabel = labelLookup(TRAINING_MODES);

export const isTrainingModeCode = codeGuard(TRAINING_MODES);
