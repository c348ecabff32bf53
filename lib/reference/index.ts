export * from "./code-table";
export * from "./education";
export * from "./ethnicities";
export * from "./political-status";
export * from "./regions";
export * from "./training-mode";
export * from "./unit-nature";
