export * from "./schemas";
export { registerEmployer, addEmployerStaff } from "./register";
export { approveEmployer, rejectEmployer, approveIdentityChange, rejectIdentityChange } from "./review";
export { getOwnEmployer, updateEmployerProfile, pendingIdentityChange, profileIdentityShown } from "./profile";
export {
  searchApprovedEmployers,
  listEmployersForReview,
  getEmployerForOffice,
  EMPLOYER_STATUS_LABELS,
  SEARCH_PAGE_SIZE,
  type EmployerSearchRow,
} from "./queries";
