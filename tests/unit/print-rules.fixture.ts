import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import { STATUS_LABELS } from "@/lib/workflow/states";

export const AGREEMENT_STATUSES_FOR_TEST = Object.keys(STATUS_LABELS) as AgreementStatus[];
